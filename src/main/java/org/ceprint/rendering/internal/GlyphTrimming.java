package org.ceprint.rendering.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

/**
 * Empties the glyphs a copy does not show from a TrueType subset, keeping every glyph id
 * where it is (so that the PDF's CIDs, widths and ToUnicode stay valid). The print file's
 * subset holds the glyphs of every document of its chunk; a copy of one document needs a
 * few hundred of them.
 */
final class GlyphTrimming {

	private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;

	private static final int WE_HAVE_A_SCALE = 0x0008;

	private static final int MORE_COMPONENTS = 0x0020;

	private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;

	private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;

	private GlyphTrimming() {
	}

	/**
	 * The font program with only the glyphs {@code used} (plus .notdef and the parts of
	 * composite glyphs); null when the program is not one this reads (then it is kept
	 * whole).
	 */
	static byte[] trim(byte[] font, Set<Integer> used) {
		ByteBuffer in = ByteBuffer.wrap(font);
		int tables = in.getShort(4) & 0xFFFF;
		int head = -1;
		int loca = -1;
		int glyf = -1;
		int hhea = -1;
		int hmtx = -1;
		for (int i = 0; i < tables; i++) {
			int entry = 12 + 16 * i;
			String tag = new String(font, entry, 4, StandardCharsets.ISO_8859_1);
			switch (tag) {
				case "head" -> head = entry;
				case "loca" -> loca = entry;
				case "glyf" -> glyf = entry;
				case "hhea" -> hhea = entry;
				case "hmtx" -> hmtx = entry;
				default -> {
				}
			}
		}
		if (head < 0 || loca < 0 || glyf < 0 || hhea < 0 || hmtx < 0) {
			return null;
		}
		boolean longOffsets = in.getShort(in.getInt(head + 8) + 50) == 1;
		int locaOffset = in.getInt(loca + 8);
		int glyphs = in.getInt(loca + 12) / (longOffsets ? 4 : 2) - 1;
		int glyfOffset = in.getInt(glyf + 8);
		int[] offsets = new int[glyphs + 1];
		for (int i = 0; i <= glyphs; i++) {
			offsets[i] = longOffsets ? in.getInt(locaOffset + 4 * i) : (in.getShort(locaOffset + 2 * i) & 0xFFFF) * 2;
		}
		Set<Integer> kept = withComponents(in, glyfOffset, offsets, used);
		ByteArrayOutputStream newGlyf = new ByteArrayOutputStream();
		int[] newOffsets = new int[glyphs + 1];
		for (int i = 0; i < glyphs; i++) {
			newOffsets[i] = newGlyf.size();
			if (kept.contains(i)) {
				newGlyf.write(font, glyfOffset + offsets[i], offsets[i + 1] - offsets[i]);
				while (newGlyf.size() % 4 != 0) {
					newGlyf.write(0);
				}
			}
		}
		newOffsets[glyphs] = newGlyf.size();
		// short offsets (half the loca) whenever the glyphs left fit them
		boolean shortOffsets = newGlyf.size() < 0x20000;
		ByteBuffer newLoca = ByteBuffer.allocate((shortOffsets ? 2 : 4) * (glyphs + 1));
		for (int offset : newOffsets) {
			if (shortOffsets) {
				newLoca.putShort((short) (offset / 2));
			}
			else {
				newLoca.putInt(offset);
			}
		}
		byte[] metrics = metricsOf(font, in, hhea, hmtx, glyphs, kept);
		return rebuild(font, tables, new int[] { head, loca, glyf, hmtx }, shortOffsets,
				new byte[][] { newLoca.array(), newGlyf.toByteArray(), metrics });
	}

	/**
	 * The horizontal metrics with those of the glyphs left out zeroed (the PDF gives the
	 * widths; zeros compress to nothing). The last full metric is kept: the glyphs after
	 * it take its advance.
	 */
	private static byte[] metricsOf(byte[] font, ByteBuffer in, int hhea, int hmtx, int glyphs, Set<Integer> kept) {
		int offset = in.getInt(hmtx + 8);
		byte[] metrics = Arrays.copyOfRange(font, offset, offset + in.getInt(hmtx + 12));
		int full = in.getShort(in.getInt(hhea + 8) + 34) & 0xFFFF;
		for (int glyph = 0; glyph < glyphs; glyph++) {
			int at = (glyph < full) ? 4 * glyph : 4 * full + 2 * (glyph - full);
			int length = (glyph < full) ? 4 : 2;
			if (at + length <= metrics.length && !kept.contains(glyph) && glyph != full - 1) {
				Arrays.fill(metrics, at, at + length, (byte) 0);
			}
		}
		return metrics;
	}

	private static Set<Integer> withComponents(ByteBuffer in, int glyfOffset, int[] offsets, Set<Integer> used) {
		Set<Integer> kept = new TreeSet<>();
		Deque<Integer> pending = new ArrayDeque<>(used);
		pending.add(0);
		while (!pending.isEmpty()) {
			int glyph = pending.pop();
			if (glyph < 0 || glyph >= offsets.length - 1 || !kept.add(glyph)
					|| offsets[glyph + 1] - offsets[glyph] < 10) {
				continue;
			}
			int at = glyfOffset + offsets[glyph];
			if (in.getShort(at) >= 0) {
				continue;
			}
			// a composite glyph: its parts are glyphs of their own
			at += 10;
			int flags;
			do {
				flags = in.getShort(at) & 0xFFFF;
				pending.add(in.getShort(at + 2) & 0xFFFF);
				at += 4 + (((flags & ARG_1_AND_2_ARE_WORDS) != 0) ? 4 : 2);
				if ((flags & WE_HAVE_A_SCALE) != 0) {
					at += 2;
				}
				else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0) {
					at += 4;
				}
				else if ((flags & WE_HAVE_A_TWO_BY_TWO) != 0) {
					at += 8;
				}
			}
			while ((flags & MORE_COMPONENTS) != 0);
		}
		return kept;
	}

	/**
	 * The same tables in the same order, loca, glyf and hmtx replaced, each table 4-byte
	 * aligned with its checksum, and the head's loca format and checksum adjustment
	 * redone.
	 * @param replaced the directory entries of head, loca, glyf and hmtx
	 * @param bodies the new loca, glyf and hmtx
	 */
	private static byte[] rebuild(byte[] font, int tables, int[] replaced, boolean shortOffsets, byte[][] bodies) {
		ByteBuffer in = ByteBuffer.wrap(font);
		byte[][] all = new byte[tables][];
		for (int i = 0; i < tables; i++) {
			int entry = 12 + 16 * i;
			all[i] = Arrays.copyOfRange(font, in.getInt(entry + 8), in.getInt(entry + 8) + in.getInt(entry + 12));
			for (int r = 1; r < replaced.length; r++) {
				if (entry == replaced[r]) {
					all[i] = bodies[r - 1];
				}
			}
			if (entry == replaced[0]) {
				ByteBuffer.wrap(all[i]).putInt(8, 0).putShort(50, (short) (shortOffsets ? 0 : 1));
			}
		}
		int size = 12 + 16 * tables;
		for (byte[] body : all) {
			size += (body.length + 3) & ~3;
		}
		ByteBuffer out = ByteBuffer.allocate(size);
		out.put(font, 0, 12);
		int offset = 12 + 16 * tables;
		int headAt = 0;
		for (int i = 0; i < tables; i++) {
			int entry = 12 + 16 * i;
			out.put(entry, font, entry, 4);
			out.putInt(entry + 4, checksum(all[i]));
			out.putInt(entry + 8, offset);
			out.putInt(entry + 12, all[i].length);
			out.put(offset, all[i]);
			if (entry == replaced[0]) {
				headAt = offset;
			}
			offset += (all[i].length + 3) & ~3;
		}
		byte[] result = out.array();
		ByteBuffer.wrap(result).putInt(headAt + 8, (int) (0xB1B0AFBAL - (checksum(result) & 0xFFFFFFFFL)));
		return result;
	}

	private static int checksum(byte[] data) {
		long sum = 0;
		for (int i = 0; i < data.length; i += 4) {
			long word = 0;
			for (int j = 0; j < 4; j++) {
				word = (word << 8) | ((i + j < data.length) ? data[i + j] & 0xFF : 0);
			}
			sum += word;
		}
		return (int) sum;
	}

}
