package org.ceprint.printing.internal;

import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;

import org.ceprint.registry.Holder;
import org.ceprint.rendering.RenderOptions;
import org.ceprint.rendering.RenderResult;

/**
 * One kind of printed document: how a chunk of selected keys becomes views and pages.
 *
 * @param <V> the rendering view of one document
 */
interface DocumentSource<V> {

	/** The step that prints this kind. */
	DocumentStep step();

	/** The kind recorded in the manifest, e.g. {@code CERTIFICATE}. */
	String kind();

	/** The start of the PDF file names of this kind, e.g. {@code certificates}. */
	String fileStem();

	/**
	 * Loads the views of the selected keys, in key order. A key that cannot become a view
	 * is returned as a rejected {@link Printable} with its reason.
	 */
	List<Printable<V>> load(List<Long> keys, PrintRunRecord run);

	RenderResult render(List<V> views, RenderOptions options, OutputStream out);

	/** Records that the documents were printed, inside the chunk's transaction. */
	default void markPrinted(List<Printable<V>> printed, LocalDateTime printedAt) {
	}

	/**
	 * A document to print, or a record set aside with the reason in Chinese.
	 *
	 * @param recipient who the document is handed to, for the distribution slips; null
	 * for documents that go back to the body that submitted them
	 * @param sealedEntries the verified entries whose 验证专用章 the document prints
	 */
	record Printable<V>(long key, String documentNo, V view, String rejection, Recipient recipient,
			List<Long> sealedEntries) {

		static <V> Printable<V> of(long key, String documentNo, V view) {
			return new Printable<>(key, documentNo, view, null, null, List.of());
		}

		static <V> Printable<V> of(long key, String documentNo, V view, Holder holder, List<Long> sealedEntries) {
			return new Printable<>(key, documentNo, view, null, Recipient.of(holder), sealedEntries);
		}

		static <V> Printable<V> rejected(long key, String documentNo, String reason) {
			return new Printable<>(key, documentNo, null, reason, null, List.of());
		}

	}

	/**
	 * The unit a printed document is handed to, and the person it belongs to.
	 */
	record Recipient(long unitId, String unitName, String holderName) {

		static Recipient of(Holder holder) {
			return new Recipient(holder.unitId(), holder.unitName(), holder.name());
		}

		/**
		 * Ids and numbers only: no name or ID number may reach a log or an exception
		 * message.
		 */
		@Override
		public String toString() {
			return "Recipient[unitId=%d]".formatted(this.unitId);
		}

	}

}
