package org.ceprint.rendering;

import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The glyph guard on every printed field of every document kind: a character that no
 * shipped font has, put into any one text field of a view, refuses the document with that
 * field named in Chinese, before anything is drawn; an office name the seal's bold font
 * cannot draw refuses the booklet or overlay whose row would carry that seal. The fields
 * are the views' string components, listed here one by one, so that a component added to
 * a view fails {@link #theListsNameEveryTextComponentOfEveryView} until it is listed.
 */
class GlyphGuardTests {

	/** U+30EDE (CJK Extension G, 2020) is in neither Noto Serif SC nor HanaMinB. */
	static final String NO_FONT_HAS = Character.toString(0x30EDE);

	/**
	 * 𠀾 U+2003E (Extension B): HanaMinB draws it in text, the seal's Noto Serif SC Bold
	 * has no fallback and lacks it.
	 */
	static final String SEAL_FONT_LACKS = Character.toString(0x2003E);

	/**
	 * One kind of document: its renderer, a view whose every field prints, the Chinese
	 * label under which each printed string component is refused (a row's fields as the
	 * first row's), and the components it does not print as text.
	 */
	record Kind(String name, JasperRenderer<Object> renderer, Object view, Map<String, String> printed,
			Set<String> notPrinted) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static final List<Kind> KINDS = List.of(kind("certificate", RenderingFixtures.certificateRenderer(),
			RenderingFixtures.certificate("36010020190000275", "欧阳堃", 1),
			labels("certificateNo", "证书编号", "holderName", "姓名", "sex", "性别", "idNumber", "身份证件号码", "unitName", "工作单位",
					"titleLevel", "专业技术职务", "titleName", "专业技术职务", "specialty", "专业", "issuingAuthority", "发证机关",
					"carriedForward", "承前学时", "rows.projectName", "第 1 行项目名称", "rows.content", "第 1 行学习内容",
					"rows.learningForm", "第 1 行学习形式", "rows.result", "第 1 行考试考核成绩", "rows.outcome", "第 1 行继续教育成果",
					"rows.registeredBy", "第 1 行登记单位", "rows.verifiedBy", "第 1 行验证单位"),
			Set.of("qrContent")),
			kind("seal overlay", RenderingFixtures.sealOverlayRenderer(),
					RenderingFixtures.certificate("36010020190000283", "欧阳堃", 1),
					labels("rows.verifiedBy", "第 1 行验证单位"),
					Set.of("certificateNo", "holderName", "sex", "idNumber", "unitName", "titleLevel", "titleName",
							"specialty", "issuingAuthority", "carriedForward", "qrContent", "rows.projectName",
							"rows.content", "rows.learningForm", "rows.result", "rows.outcome", "rows.registeredBy")),
			kind("register card", RenderingFixtures.registerCardRenderer(),
					RenderingFixtures.registerCard("36010020200000291", "诸葛淼"),
					labels("certificateNo", "证书编号", "holderName", "姓名", "sex", "性别", "idNumber", "身份证件号码", "unitName",
							"工作单位", "titleLevel", "专业技术职务", "titleName", "专业技术职务", "specialty", "专业", "years.mainItems",
							"第 1 行主要学习项目", "years.verification", "第 1 行验证情况", "years.assessment", "第 1 行年度考核结果"),
					Set.of("qrContent")),
			kind("summary table", RenderingFixtures.summaryTableRenderer(),
					RenderingFixtures.summaryTable("12360100491012345U-2025", 2),
					labels("batchNo", "批次号", "submitterName", "报送单位", "submitterCreditCode", "统一社会信用代码",
							"departmentName", "主管部门", "verifyingOffice", "验证机关", "reviewOpinion", "主管部门审核意见",
							"verificationOpinion", "人社部门验证意见", "rows.name", "第 1 行姓名", "rows.idNumber", "第 1 行身份证件号码",
							"rows.certificateNo", "第 1 行证书编号", "rows.unitName", "第 1 行工作单位", "rows.title", "第 1 行职称",
							"rows.projectName", "第 1 行项目名称", "rows.learningForm", "第 1 行学习形式", "rows.result",
							"第 1 行成绩"),
					Set.of("qrContent")),
			kind("distribution slip", RenderingFixtures.distributionSlipRenderer(), distributionSlip(),
					labels("documentLabel", "标题", "numberLabel", "编号栏目", "unitName", "领取单位", "batch", "打印批次",
							"lines.documentNo", "第 1 行编号", "lines.holderName", "第 1 行姓名", "lines.file", "第 1 行所在文件"),
					Set.of()),
			kind("return slip", RenderingFixtures.returnSlipRenderer(), returnSlip(),
					labels("batchNo", "批次号", "submitterName", "报送单位", "officeName", "验证机关", "lines.name", "第 1 行姓名",
							"lines.certificateNo", "第 1 行证书编号", "lines.projectName", "第 1 行项目名称", "lines.reason",
							"第 1 行不予验证的理由"),
					Set.of("qrContent")));

	static Stream<Arguments> printedFields() {
		return KINDS.stream()
			.flatMap((kind) -> kind.printed()
				.entrySet()
				.stream()
				.map((f) -> Arguments.of(kind, f.getKey(), f.getValue())));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("printedFields")
	void aCharacterNoShippedFontHasInAnyPrintedFieldRefusesTheDocumentNamingTheField(Kind kind, String component,
			String label) {
		Object view = with(kind.view(), component, "王" + NO_FONT_HAS + "某");
		String documentNo = kind.renderer().documentNo(view);
		UnprintableRecordException refused = catchThrowableOfType(UnprintableRecordException.class,
				() -> kind.renderer().render(List.of(view), OutputStream.nullOutputStream()));

		assertThat(refused).as("%s with %s in %s refused", kind, NO_FONT_HAS, component).isNotNull();
		assertThat(refused.documentNo()).isEqualTo(documentNo);
		assertThat(refused.field()).isEqualTo(label);
		assertThat(refused.getMessage()).contains("「" + label + "」", "U+30EDE", "无法打印");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("kinds")
	void theListsNameEveryTextComponentOfEveryView(Kind kind) {
		Set<String> listed = new TreeSet<>(kind.printed().keySet());
		listed.addAll(kind.notPrinted());
		assertThat(listed).as("printed and unprinted string components of the %s", kind)
			.isEqualTo(new TreeSet<>(stringComponents(kind.view().getClass(), "")));
		assertThat(kind.printed().keySet()).noneMatch(kind.notPrinted()::contains);
	}

	@Test
	void fieldsTheOverlayDoesNotPrintAreNotChecked() {
		Kind overlay = KINDS.get(1);
		Object view = overlay.view();
		for (String component : overlay.notPrinted()) {
			view = with(view, component, "王" + NO_FONT_HAS + "某");
		}
		Object unprintedFieldsBroken = view;

		assertThatNoException().isThrownBy(
				() -> overlay.renderer().render(List.of(unprintedFieldsBroken), OutputStream.nullOutputStream()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sealedKinds")
	void anOfficeNameTheSealFontCannotDrawRefusesTheDocumentWhoseRowItWouldSeal(Kind kind) {
		assertThat(RenderingFixtures.coverage().covers(0x2003E)).as("text fonts draw U+2003E").isTrue();
		Object view = with(kind.view(), "rows.verifiedBy", "南昌市" + SEAL_FONT_LACKS + "人力资源和社会保障局");
		Throwable refused = catchThrowableOfType(RuntimeException.class,
				() -> kind.renderer().render(List.of(view), OutputStream.nullOutputStream()));

		assertThat(refused).as("%s refused", kind).isInstanceOf(UnprintableRecordException.class);
		assertThat(((UnprintableRecordException) refused).field()).isEqualTo("第 1 行验证单位");
		assertThat(refused.getMessage()).contains(kind.renderer().documentNo(view), "验证专用章", "U+2003E");
	}

	static Stream<Kind> kinds() {
		return KINDS.stream();
	}

	static Stream<Kind> sealedKinds() {
		return KINDS.stream().limit(2);
	}

	@SuppressWarnings("unchecked")
	private static Kind kind(String name, JasperRenderer<?> renderer, Object view, Map<String, String> printed,
			Set<String> notPrinted) {
		return new Kind(name, (JasperRenderer<Object>) renderer, view, printed, notPrinted);
	}

	private static Map<String, String> labels(String... componentsAndLabels) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (int i = 0; i < componentsAndLabels.length; i += 2) {
			labels.put(componentsAndLabels[i], componentsAndLabels[i + 1]);
		}
		return labels;
	}

	/** The string components of a view, a list's records' as {@code list.component}. */
	private static List<String> stringComponents(Class<?> type, String prefix) {
		List<String> names = new ArrayList<>();
		for (RecordComponent component : type.getRecordComponents()) {
			if (component.getType() == String.class) {
				names.add(prefix + component.getName());
			}
			else if (component.getGenericType() instanceof ParameterizedType list
					&& list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
				names.addAll(stringComponents(element, prefix + component.getName() + "."));
			}
		}
		return names;
	}

	/**
	 * A copy of the record with one component replaced; {@code list.component} replaces
	 * it in the list's first record.
	 */
	private static Object with(Object record, String path, String value) {
		String name = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
		RecordComponent[] components = record.getClass().getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		try {
			for (int i = 0; i < components.length; i++) {
				types[i] = components[i].getType();
				values[i] = components[i].getAccessor().invoke(record);
				if (components[i].getName().equals(name)) {
					if (path.equals(name)) {
						values[i] = value;
					}
					else {
						List<Object> list = new ArrayList<>((List<?>) values[i]);
						list.set(0, with(list.get(0), path.substring(name.length() + 1), value));
						values[i] = list;
					}
				}
			}
			return record.getClass().getDeclaredConstructor(types).newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(path, ex);
		}
	}

	private static DistributionSlipView distributionSlip() {
		return new DistributionSlipView("继续教育证书", "证书编号", "南昌市第一人民医院", "2026-06-30-all-documents-2026-1",
				LocalDate.of(2026, 6, 30), List.of(new DistributionSlipView.Line("36010020190000275", "欧阳堃",
						"certificates-360100-0001.pdf", 1, 4)));
	}

	private static ReturnSlipView returnSlip() {
		LocalDate start = LocalDate.of(2025, 4, 1);
		return new ReturnSlipView("12360100491012345U-2025", "南昌市第一人民医院", "南昌市人力资源和社会保障局", LocalDate.of(2026, 1, 10), 5,
				"http://localhost:8080/v/r/12360100491012345U-2025",
				List.of(new ReturnSlipView.Line(2, "欧阳堃", "36010020190000275", "急危重症救治新进展培训班", start, start.plusDays(2),
						new BigDecimal("24"), "学时证明材料不全")));
	}

}
