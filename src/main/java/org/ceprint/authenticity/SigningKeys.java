package org.ceprint.authenticity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.authenticity.internal.Ed25519Signatures;

/**
 * The Ed25519 keys that sign and verify QR codes, read from a folder: every
 * {@code ed25519-<id>.pub.pem} verifies, and {@code ed25519-<id>.pem} of the signing key
 * signs. A new key id is added beside the old ones, which keep verifying what they
 * signed; a revoked id stops verifying. The folder is the only place keys live: none is
 * in the code or the database.
 */
public final class SigningKeys {

	private static final Log logger = LogFactory.getLog(SigningKeys.class);

	private static final Pattern PUBLIC_FILE = Pattern.compile("ed25519-(\\d{1,3})\\.pub\\.pem");

	private final Map<Integer, PublicKey> publicKeys;

	private final Set<Integer> revoked;

	private final Integer signingKeyId;

	private final Ed25519Signatures signatures;

	private SigningKeys(Map<Integer, PublicKey> publicKeys, Set<Integer> revoked, Integer signingKeyId,
			PrivateKey signingKey) {
		this.publicKeys = publicKeys;
		this.revoked = revoked;
		this.signingKeyId = signingKeyId;
		this.signatures = new Ed25519Signatures(publicKeys, signingKey);
	}

	/**
	 * Loads the keys of a folder for signing and verifying.
	 * @param signingKeyId the key to sign with, or null for the highest id with a private
	 * key
	 * @param generateIfMissing make key 1 when the folder has no key at all
	 * @throws IllegalStateException when no key can sign, with what to do, in Chinese
	 */
	static SigningKeys forSigning(Path folder, Integer signingKeyId, boolean generateIfMissing, Set<Integer> revoked) {
		if (generateIfMissing && publicKeyFiles(folder).isEmpty()) {
			generateFirstKey(folder);
		}
		Map<Integer, PublicKey> publicKeys = readPublicKeys(folder);
		Integer id = signingKeyId;
		if (id == null) {
			id = publicKeys.keySet()
				.stream()
				.filter((candidate) -> Files.exists(privateFile(folder, candidate)))
				.reduce((a, b) -> b)
				.orElse(null);
		}
		if (id == null || !Files.exists(privateFile(folder, id))) {
			throw new IllegalStateException(
					"没有可用的签名私钥（目录 %s%s）：请运行 ceprint keys generate，或设置 ceprint.authenticity.keys-dir"
						.formatted(folder.toAbsolutePath(), (id != null) ? "，密钥 " + id : ""));
		}
		if (revoked.contains(id)) {
			throw new IllegalStateException("签名密钥 %d 已吊销（ceprint.authenticity.revoked-key-ids），不能再用于签名".formatted(id));
		}
		return new SigningKeys(publicKeys, revoked, id, readPrivateKey(privateFile(folder, id)));
	}

	/**
	 * Makes key 1 in a folder that has no key, unless another process or thread made it
	 * meanwhile. Processes that start together on a new folder (a manager and its
	 * workers, say) must not each make key 1: the last would replace the others', and
	 * what they signed would no longer verify. A file lock in the folder (and a lock of
	 * this class for the threads of one process) lets one of them make it; the others
	 * find it made. The lock file is made only in a folder without keys, so a folder of
	 * keys may be read-only.
	 */
	private static void generateFirstKey(Path folder) {
		synchronized (SigningKeys.class) {
			try {
				Files.createDirectories(folder);
				try (FileChannel channel = FileChannel.open(folder.resolve(".generating.lock"),
						StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
					if (!publicKeyFiles(folder).isEmpty()) {
						return;
					}
					generate(folder, 1);
					logger.warn("已生成开发用签名密钥 " + folder.resolve("ed25519-1.pem").toAbsolutePath()
							+ "：生产环境请用 ceprint keys generate 生成并妥善备份（见 README「Keys」）");
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * Loads only the public keys of a folder: enough to verify, offline.
	 * @throws InvalidRequestException when the folder has no public key or one cannot be
	 * read, in Chinese
	 */
	public static SigningKeys forVerifying(Path folder, Set<Integer> revoked) {
		Map<Integer, PublicKey> publicKeys = readPublicKeys(folder);
		if (publicKeys.isEmpty()) {
			throw new InvalidRequestException("目录 %s 中没有公钥（ed25519-<编号>.pub.pem）".formatted(folder.toAbsolutePath()));
		}
		return new SigningKeys(publicKeys, revoked, null, null);
	}

	/**
	 * Makes a new key pair with the given id (1–255) in the folder; the private key file
	 * is readable by its owner only.
	 * @return the public key file
	 * @throws InvalidRequestException for an id out of range, {@link ConflictException}
	 * when the key exists, in Chinese
	 */
	public static Path generate(Path folder, int id) {
		if (id < 1 || id > 255) {
			throw new InvalidRequestException("密钥编号须在 1 到 255 之间：" + id);
		}
		try {
			Files.createDirectories(folder);
			if (Files.exists(privateFile(folder, id)) || Files.exists(publicFile(folder, id))) {
				throw new ConflictException("密钥 %d 已存在：%s".formatted(id, publicFile(folder, id)));
			}
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			// each file appears whole (written aside, then renamed), the private key
			// first: a
			// process that finds the public key finds a key that signs
			Path privateFile = privateFile(folder, id);
			Path privatePart = folder.resolve(privateFile.getFileName() + ".part");
			Files.writeString(privatePart, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
			try {
				Files.setPosixFilePermissions(privatePart, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the folder's own permissions protect it
			}
			Files.move(privatePart, privateFile, StandardCopyOption.ATOMIC_MOVE);
			Path publicPart = folder.resolve(publicFile(folder, id).getFileName() + ".part");
			Files.writeString(publicPart, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
			Files.move(publicPart, publicFile(folder, id), StandardCopyOption.ATOMIC_MOVE);
			return publicFile(folder, id);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The next free key id of a folder. */
	public static int nextId(Path folder) {
		return readPublicKeys(folder).keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
	}

	public int signingKeyId() {
		return this.signingKeyId;
	}

	public byte[] sign(byte[] message) {
		return this.signatures.sign(message);
	}

	public KeyCheck verify(int keyId, byte[] message, byte[] signatureBytes) {
		PublicKey key = this.publicKeys.get(keyId);
		if (key == null) {
			return KeyCheck.UNKNOWN_KEY;
		}
		if (this.revoked.contains(keyId)) {
			return KeyCheck.REVOKED_KEY;
		}
		return this.signatures.verify(keyId, message, signatureBytes) ? KeyCheck.VALID : KeyCheck.BAD_SIGNATURE;
	}

	/**
	 * What a signature check found.
	 */
	public enum KeyCheck {

		VALID, BAD_SIGNATURE, UNKNOWN_KEY, REVOKED_KEY

	}

	private static Map<Integer, PublicKey> readPublicKeys(Path folder) {
		Map<Integer, PublicKey> keys = new TreeMap<>();
		for (Path file : publicKeyFiles(folder)) {
			Matcher matcher = PUBLIC_FILE.matcher(file.getFileName().toString());
			if (matcher.matches()) {
				keys.put(Integer.valueOf(matcher.group(1)), readPublicKey(file));
			}
		}
		return keys;
	}

	private static java.util.List<Path> publicKeyFiles(Path folder) {
		if (!Files.isDirectory(folder)) {
			return java.util.List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> PUBLIC_FILE.matcher(file.getFileName().toString()).matches())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PublicKey readPublicKey(Path file) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(unpem(file)));
		}
		catch (GeneralSecurityException ex) {
			throw new InvalidRequestException("公钥文件无法读取：" + file, ex);
		}
	}

	private static PrivateKey readPrivateKey(Path file) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(unpem(file)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("私钥文件无法读取：" + file, ex);
		}
	}

	private static Path privateFile(Path folder, int id) {
		return folder.resolve("ed25519-" + id + ".pem");
	}

	private static Path publicFile(Path folder, int id) {
		return folder.resolve("ed25519-" + id + ".pub.pem");
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static byte[] unpem(Path file) {
		try {
			String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			return Base64.getDecoder().decode(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
