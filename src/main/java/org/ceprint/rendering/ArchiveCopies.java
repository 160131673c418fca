package org.ceprint.rendering;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Calendar;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

import org.ceprint.rendering.internal.PdfArchiving;

/**
 * PDF/A-2b archive copies (ISO 19005-2, level B) of documents of a finished print file,
 * for the personal file (个人业务档案): the document's pages as printed, with an sRGB output
 * intent, XMP metadata that matches the document information, and the seal layer declared
 * as PDF/A-2 asks. The print file itself is not changed and is not PDF/A.
 */
public final class ArchiveCopies {

	/** What the copies' metadata name as the creating application and producer. */
	public static final String CREATOR = "ceprint";

	private static final String SRGB = "sRGB IEC61966-2.1";

	private static final byte[] SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	private ArchiveCopies() {
	}

	/**
	 * Pages {@code firstPage} to {@code lastPage} (1-based, inclusive) of a print file as
	 * a PDF/A-2b copy.
	 */
	public static byte[] of(Path printFile, int firstPage, int lastPage) throws IOException {
		try (PDDocument source = Loader.loadPDF(printFile.toFile())) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			write(source, firstPage, lastPage, out);
			return out.toByteArray();
		}
	}

	/**
	 * Writes pages {@code firstPage} to {@code lastPage} (1-based, inclusive) of an open
	 * print file as a PDF/A-2b copy; the source is read, never changed, and may serve
	 * many copies.
	 */
	public static void write(PDDocument source, int firstPage, int lastPage, OutputStream out) throws IOException {
		if (firstPage < 1 || lastPage < firstPage || lastPage > source.getNumberOfPages()) {
			throw new IllegalArgumentException(
					"pages %d-%d of %d".formatted(firstPage, lastPage, source.getNumberOfPages()));
		}
		try (PDDocument copy = new PDDocument()) {
			copy.setVersion(1.7f);
			for (int index = firstPage - 1; index < lastPage; index++) {
				copy.addPage(pageOf(source.getPage(index)));
			}
			PDDocumentCatalog catalog = copy.getDocumentCatalog();
			layers(source.getDocumentCatalog().getOCProperties(), catalog);
			PdfArchiving.prepareFonts(copy);
			catalog.addOutputIntent(outputIntent(copy));
			String title = source.getDocumentInformation().getTitle();
			Calendar created = source.getDocumentInformation().getCreationDate();
			metadata(copy, (title != null) ? title : CREATOR, (created != null) ? created : Calendar.getInstance());
			copy.save(out);
		}
	}

	/**
	 * The page as printed, sharing its content and resources with the source: its own
	 * dictionary, so that the copy's page tree does not lead back into the source's.
	 */
	private static PDPage pageOf(PDPage printed) {
		COSDictionary dictionary = new COSDictionary(printed.getCOSObject());
		dictionary.removeItem(COSName.PARENT);
		// annotations and actions are not part of what was printed
		dictionary.removeItem(COSName.ANNOTS);
		dictionary.removeItem(COSName.AA);
		PDPage page = new PDPage(dictionary);
		// attributes a page may inherit from its page tree
		page.setResources(printed.getResources());
		page.setMediaBox(printed.getMediaBox());
		page.setCropBox(printed.getCropBox());
		page.setRotation(printed.getRotation());
		return page;
	}

	/**
	 * The source's layers (the seals), in a configuration of their own with a name and no
	 * automatic state changes (PDF/A-2, 6.9).
	 */
	private static void layers(PDOptionalContentProperties printed, PDDocumentCatalog catalog) {
		if (printed == null) {
			return;
		}
		PDOptionalContentProperties properties = new PDOptionalContentProperties();
		for (PDOptionalContentGroup group : printed.getOptionalContentGroups()) {
			properties.addGroup(group);
		}
		COSDictionary configuration = properties.getCOSObject().getCOSDictionary(COSName.D);
		configuration.setString(COSName.NAME, PdfArchiving.LAYER_CONFIGURATION);
		configuration.removeItem(COSName.AS);
		catalog.setOCProperties(properties);
	}

	private static PDOutputIntent outputIntent(PDDocument copy) throws IOException {
		PDOutputIntent intent = new PDOutputIntent(copy, new ByteArrayInputStream(SRGB_PROFILE));
		intent.setInfo(SRGB);
		intent.setOutputCondition(SRGB);
		intent.setOutputConditionIdentifier(SRGB);
		intent.setRegistryName("http://www.color.org");
		return intent;
	}

	/**
	 * The document information and its XMP twin, which PDF/A requires to agree: title,
	 * creating application, producer and dates.
	 */
	private static void metadata(PDDocument copy, String title, Calendar created) throws IOException {
		PDDocumentInformation information = new PDDocumentInformation();
		information.setTitle(title);
		information.setCreator(CREATOR);
		information.setProducer(CREATOR);
		information.setCreationDate(created);
		information.setModificationDate(created);
		copy.setDocumentInformation(information);

		XMPMetadata xmp = XMPMetadata.createXMPMetadata();
		DublinCoreSchema dublinCore = xmp.createAndAddDublinCoreSchema();
		dublinCore.setTitle(title);
		dublinCore.setFormat("application/pdf");
		XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
		basic.setCreatorTool(CREATOR);
		basic.setCreateDate(created);
		basic.setModifyDate(created);
		AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
		pdf.setProducer(CREATOR);
		PDFAIdentificationSchema identification = xmp.createAndAddPDFAIdentificationSchema();
		identification.setPart(2);
		try {
			identification.setConformance("B");
		}
		catch (BadFieldValueException ex) {
			throw new IllegalStateException(ex);
		}
		ByteArrayOutputStream serialized = new ByteArrayOutputStream();
		try {
			new XmpSerializer().serialize(xmp, serialized, true);
		}
		catch (javax.xml.transform.TransformerException ex) {
			throw new IOException("XMP", ex);
		}
		PDMetadata metadata = new PDMetadata(copy);
		metadata.importXMPMetadata(serialized.toByteArray());
		copy.getDocumentCatalog().setMetadata(metadata);
	}

}
