package org.ceprint.printing.internal;

import java.util.List;

import org.ceprint.printing.internal.DocumentSource.Printable;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a claimed key into the view of its document, or into a record set aside with the
 * reason (a certificate voided after the run claimed it, say): nothing is filtered out
 * unseen, so the writer records every key it is given.
 */
class DocumentProcessor<V> implements ItemProcessor<Long, Printable<V>> {

	private final DocumentSource<V> source;

	private final PrintRunRecord run;

	DocumentProcessor(DocumentSource<V> source, PrintRunRecord run) {
		this.source = source;
		this.run = run;
	}

	@Override
	public Printable<V> process(Long key) {
		List<Printable<V>> loaded = this.source.load(List.of(key), this.run);
		if (loaded.size() != 1) {
			throw new IllegalStateException("%s 的记录 %d 载入了 %d 份文档".formatted(this.source.kind(), key, loaded.size()));
		}
		return loaded.get(0);
	}

}
