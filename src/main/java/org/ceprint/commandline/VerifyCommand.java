package org.ceprint.commandline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.ceprint.authenticity.AuthenticityCodes;
import org.ceprint.authenticity.DocumentReference;
import org.ceprint.authenticity.DocumentVerifier;
import org.ceprint.authenticity.QrCodeReader;
import org.ceprint.authenticity.VerificationResult;

/**
 * {@code verify <file>}: reads the QR code of a photo, scan or PDF page and checks the
 * document against the registry.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "查验：识别图片或 PDF 上的二维码并核对证书状态")
class VerifyCommand implements Callable<Integer> {

	private final AuthenticityCodes codes;

	private final DocumentVerifier verifier;

	@Parameters(paramLabel = "文件", description = "照片、扫描件（PNG/JPEG）或 PDF")
	Path file;

	@Option(names = "--page", paramLabel = "页码", defaultValue = "1", description = "PDF 的页码（默认第 1 页）")
	int page;

	VerifyCommand(AuthenticityCodes codes, DocumentVerifier verifier) {
		this.codes = codes;
		this.verifier = verifier;
	}

	@Override
	public Integer call() throws Exception {
		if (!Files.isRegularFile(this.file)) {
			System.err.println("找不到文件：" + this.file);
			return 2;
		}
		String content = QrCodeReader.decode(this.file, this.page).orElse(null);
		if (content == null) {
			System.err.println("未能在 " + this.file + " 上识别出二维码");
			return 3;
		}
		System.out.println("二维码内容：" + content);
		DocumentReference reference = this.codes.parse(content).orElse(null);
		if (reference == null) {
			System.out.println("结论：不是本系统签发的查验码");
			return 4;
		}
		VerificationResult result = this.verifier.verify(reference.kind(), reference.documentNo());
		System.out.println("文件：" + reference.kind().label() + " " + reference.documentNo());
		if (!result.genuine()) {
			System.out.println("结论：登记系统中没有该文件");
			return 4;
		}
		System.out.println("结论：真实，状态 " + result.status() + "；持证人 " + result.maskedName() + "，发证机关 "
				+ result.issuingOffice() + "，发证日期 " + result.issueDate());
		return result.current() ? 0 : 5;
	}

}
