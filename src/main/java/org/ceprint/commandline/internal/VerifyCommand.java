package org.ceprint.commandline.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.ceprint.authenticity.AuthenticityCodes.OfflineCheck;
import org.ceprint.authenticity.AuthenticityCodes;
import org.ceprint.authenticity.DocumentVerifier;
import org.ceprint.authenticity.QrCodeReader;
import org.ceprint.authenticity.ScanChannel;
import org.ceprint.authenticity.SignedDocument;
import org.ceprint.authenticity.SigningKeys;
import org.ceprint.authenticity.VerificationResult;
import org.ceprint.registry.Hours;

/**
 * {@code verify <file>}: reads the QR code of a photo, scan or PDF page and checks its
 * signature and the document's status in the registry; with {@code --offline}, checks the
 * signature with the public keys alone, without a database, and prints what the code
 * signs.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = "查验：识别图片或 PDF 上的二维码，核对签名和证书状态（--offline：只用公钥离线核对签名）")
class VerifyCommand implements Callable<Integer>, StartChecks {

	private final DocumentVerifier verifier;

	@Parameters(paramLabel = "文件", description = "照片、扫描件（PNG/JPEG）或 PDF")
	Path file;

	@Option(names = "--page", paramLabel = "页码", defaultValue = "1", description = "PDF 的页码（默认第 1 页）")
	int page;

	@Option(names = "--offline", description = "离线核对：不连接登记库，只用公钥核对签名并显示签名内容")
	boolean offline;

	@Option(names = "--keys", paramLabel = "目录", defaultValue = "./data/keys",
			description = "离线核对所用公钥（ed25519-<编号>.pub.pem）所在目录（默认 ${DEFAULT-VALUE}）")
	Path keys;

	@Option(names = "--id-number", paramLabel = "证件号码", description = "离线核对时一并核对持证人身份证件号码")
	String idNumber;

	VerifyCommand(AuthenticityCodes codes, DocumentVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public OptionalInt refusal() {
		if (!Files.isRegularFile(this.file)) {
			System.err.println("找不到文件：" + this.file);
			return OptionalInt.of(2);
		}
		return OptionalInt.empty();
	}

	@Override
	public boolean needsApplication() {
		return !this.offline;
	}

	@Override
	public Optional<Class<?>> application() {
		return Optional.of(VerifyApplication.class);
	}

	@Override
	public Integer call() throws IOException {
		OptionalInt refused = refusal();
		if (refused.isPresent()) {
			return refused.getAsInt();
		}
		String content = QrCodeReader.decode(this.file, this.page).orElse(null);
		if (content == null) {
			System.err.println("未能在 " + this.file + " 上识别出二维码");
			return 3;
		}
		System.out.println("二维码内容：" + content);
		return this.offline ? offline(content) : online(content);
	}

	private int online(String content) {
		VerificationResult result = this.verifier.verifyToken(content, ScanChannel.CLI, "command-line");
		if (!result.genuine()) {
			System.out.println("结论：不能确认真伪：" + result.headline());
			return 4;
		}
		System.out.println("文件：" + result.kind().label() + " " + result.documentNo());
		System.out.println("结论：" + result.headline() + "；状态 " + result.status()
				+ ((result.maskedName() != null) ? "；持证人 " + result.maskedName() : "")
				+ ((result.issuingOffice() != null) ? "，发证机关 " + result.issuingOffice() : "") + "，日期 "
				+ result.issueDate());
		return result.current() ? 0 : 5;
	}

	private int offline(String content) {
		SigningKeys publicKeys = SigningKeys.forVerifying(this.keys, Set.of());
		OfflineCheck check = AuthenticityCodes.checkOffline(content, publicKeys);
		if (!check.genuine()) {
			System.out.println("结论（离线）：" + check.outcome());
			return 4;
		}
		SignedDocument signed = check.document().orElseThrow();
		System.out.println("结论（离线）：签名有效（密钥 " + check.keyId() + "）。签名内容：");
		System.out.println("  文件类型：" + signed.kind().label());
		System.out.println("  编号：" + signed.documentNo());
		System.out.println(
				"  " + (signed.kind().name().equals("SUMMARY_TABLE") ? "报送单位" : "持证人") + "：" + signed.holderName());
		System.out.println("  日期：" + signed.issueDate());
		System.out.println("  印制学时合计：" + Hours.of(signed.totalHours()));
		System.out.println("  身份证件号码摘要：" + signed.idHash());
		if (this.idNumber != null) {
			boolean matches = signed.matchesIdNumber(this.idNumber);
			System.out.println("  身份证件号码 " + this.idNumber + (matches ? "：与签名一致" : "：与签名不一致"));
			if (!matches) {
				return 4;
			}
		}
		System.out.println("（离线核对不能得知证书此后是否换发或作废；当前状态请在线查验）");
		return 0;
	}

}
