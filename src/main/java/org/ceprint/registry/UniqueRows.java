package org.ceprint.registry;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Indexes rows read by a unique key. Two rows with the same key cannot come from a
 * correct query over a unique key, so a second one is not merged or dropped: it fails the
 * read, naming the kind of record and the key only (never a person's fields), because a
 * silent merge would print one document twice or another not at all.
 */
public final class UniqueRows {

	private UniqueRows() {
	}

	/**
	 * @param what the kind of record in Chinese, e.g. 人员
	 * @throws IllegalStateException on a second row with the same key
	 */
	public static <T> Map<Long, T> byKey(Collection<T> rows, Function<T, Long> key, String what) {
		Map<Long, T> indexed = new LinkedHashMap<>();
		for (T row : rows) {
			Long id = key.apply(row);
			if (indexed.putIfAbsent(id, row) != null) {
				throw new IllegalStateException("同一%s（#%d）出现了两次：读取结果有重复，已停止，以免重复打印".formatted(what, id));
			}
		}
		return indexed;
	}

}
