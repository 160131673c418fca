package org.ceprint.demo.internal;

/**
 * What a demo generation added to the registry.
 */
public record DemoSummary(int people, int units, int bases, int certificates, int entries) {

	@Override
	public String toString() {
		return "已生成：%d 人，%d 个单位，%d 个继续教育基地，%d 本证书，%d 条登记".formatted(this.people, this.units, this.bases,
				this.certificates, this.entries);
	}

}
