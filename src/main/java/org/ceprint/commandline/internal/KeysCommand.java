package org.ceprint.commandline.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.ceprint.authenticity.SigningKeys;

/**
 * {@code keys}: the Ed25519 keys that sign QR codes. Runs without the application: keys
 * are files.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "签名密钥：生成、列出二维码签名所用的 Ed25519 密钥",
		subcommands = { KeysCommand.Generate.class, KeysCommand.ListKeys.class })
class KeysCommand {

	@Command(name = "generate", mixinStandardHelpOptions = true,
			description = "生成新的签名密钥（编号默认取下一个）；新密钥须在配置中设为签名密钥后生效，旧密钥继续用于核对")
	static class Generate implements Callable<Integer>, StartChecks {

		@Option(names = "--dir", paramLabel = "目录", defaultValue = "./data/keys",
				description = "密钥目录（ceprint.authenticity.keys-dir，默认 ${DEFAULT-VALUE}）")
		Path dir;

		@Option(names = "--id", paramLabel = "编号", description = "密钥编号 1–255（默认：目录中最大编号加一）")
		Integer id;

		@Override
		public boolean needsApplication() {
			return false;
		}

		@Override
		public Integer call() {
			int keyId = (this.id != null) ? this.id : SigningKeys.nextId(this.dir);
			Path publicKey = SigningKeys.generate(this.dir, keyId);
			System.out.println("已生成密钥 " + keyId + "：私钥 " + this.dir.resolve("ed25519-" + keyId + ".pem")
					+ "（仅本机保存并备份），公钥 " + publicKey + "（可分发给离线核对者）");
			System.out.println("启用：设置 ceprint.authenticity.signing-key-id=" + keyId);
			return 0;
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "列出目录中的密钥")
	static class ListKeys implements Callable<Integer>, StartChecks {

		@Option(names = "--dir", paramLabel = "目录", defaultValue = "./data/keys",
				description = "密钥目录（默认 ${DEFAULT-VALUE}）")
		Path dir;

		@Override
		public boolean needsApplication() {
			return false;
		}

		@Override
		public Integer call() throws IOException {
			if (!Files.isDirectory(this.dir)) {
				System.out.println("目录 " + this.dir + " 不存在：还没有密钥");
				return 0;
			}
			try (Stream<Path> files = Files.list(this.dir)) {
				files.map((file) -> file.getFileName().toString())
					.filter((name) -> name.startsWith("ed25519-"))
					.sorted()
					.forEach(
							(name) -> System.out.println(name + (name.endsWith(".pub.pem") ? "  公钥（核对）" : "  私钥（签名）")));
			}
			return 0;
		}

	}

}
