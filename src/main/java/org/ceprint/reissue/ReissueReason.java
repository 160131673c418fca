package org.ceprint.reissue;

import java.util.Locale;

import org.ceprint.InvalidRequestException;
import org.ceprint.registry.CertificateStatus;

/**
 * Why a certificate is replaced (第十八条), and what happens to the old one.
 */
public enum ReissueReason {

	/** 遗失: the old booklet is void from that moment; the new one carries the history. */
	LOST("遗失", CertificateStatus.VOID, false),

	/** 损毁: the old booklet is superseded; the new one carries the history. */
	DAMAGED("损毁", CertificateStatus.SUPERSEDED, false),

	/**
	 * 填满: the old booklet stays readable as the earlier volume; the new one starts empty
	 * and states the verified hours carried forward.
	 */
	FULL("填满", CertificateStatus.SUPERSEDED, true);

	private final String label;

	private final CertificateStatus oldStatus;

	private final boolean closesVolume;

	ReissueReason(String label, CertificateStatus oldStatus, boolean closesVolume) {
		this.label = label;
		this.oldStatus = oldStatus;
		this.closesVolume = closesVolume;
	}

	public String label() {
		return this.label;
	}

	CertificateStatus oldStatus() {
		return this.oldStatus;
	}

	boolean closesVolume() {
		return this.closesVolume;
	}

	/** Reads lost/damaged/full, 遗失/损毁/填满 or the enum name. */
	public static ReissueReason parse(String text) {
		String value = (text != null) ? text.strip() : "";
		for (ReissueReason reason : values()) {
			if (reason.name().equalsIgnoreCase(value) || reason.label.equals(value)) {
				return reason;
			}
		}
		throw new InvalidRequestException("换发原因须为 lost（遗失）、damaged（损毁）或 full（填满）：" + value);
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
