package org.ceprint.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page templates hold nothing that the Content-Security-Policy of
 * {@link SecurityHeaders} would block: no {@code <style>} element, no {@code style}
 * attribute (plain, {@code th:style} or {@code th:styleappend}), no script but one loaded
 * from a file or a JSON data block, no {@code on…} event attribute and no
 * {@code javascript:} URL. Styles live in {@code static/css/ceprint.css}, scripts in
 * {@code static/js/}.
 */
class PagesUnderContentSecurityPolicyTests {

	/** A start tag, its attribute values quoted or not (values may hold {@code >}). */
	private static final Pattern TAG = Pattern
		.compile("<([a-zA-Z][^\\s/>]*)((?:\\s+[^\\s=/>]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*/?>");

	private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/>]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");

	@Test
	void noPageHasInlineStyleOrScript() throws IOException {
		Resource[] pages = new PathMatchingResourcePatternResolver().getResources("classpath:/pages/*.html");
		assertThat(pages).hasSizeGreaterThanOrEqualTo(10);
		List<String> problems = new ArrayList<>();
		for (Resource page : pages) {
			problems.addAll(problems(page.getFilename(), page.getContentAsString(StandardCharsets.UTF_8)));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theCheckFindsEachKindOfInlineCode() {
		assertThat(problems("bad.html", """
				<style>p { color: red }</style>
				<p style="color:red" th:style="'color:red'">x</p>
				<p th:classappend="${n > 0} ? 'x'" th:styleappend="'color:red'">x</p>
				<button onclick="go()" th:onclick="|go()|" data-th-onclick="go()">x</button>
				<a href="javascript:go()">x</a>
				<script>go()</script>
				<script th:inline="javascript">go()</script>
				<script type="module">go()</script>
				""")).hasSize(11);
		assertThat(problems("good.html", """
				<link rel="stylesheet" th:href="@{/css/ceprint.css}">
				<p class="online" hidden th:hidden="${a > b}">one=two style=x onclick=y</p>
				<script th:src="@{/js/page.js}"></script>
				<script src="/js/page.js" defer></script>
				<script type="application/json" id="data" th:text="${data}"></script>
				""")).isEmpty();
	}

	private static List<String> problems(String name, String template) {
		List<String> problems = new ArrayList<>();
		Matcher tag = TAG.matcher(template);
		while (tag.find()) {
			String element = tag.group(1).toLowerCase(Locale.ROOT);
			String where = name + ": " + tag.group();
			if (element.equals("style")) {
				problems.add(where + " (a <style> element)");
			}
			boolean source = false;
			boolean data = false;
			Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
			while (attribute.find()) {
				String attributeName = attribute.group(1).toLowerCase(Locale.ROOT).replaceFirst("^(th:|data-th-)", "");
				String value = (attribute.group(2) != null) ? attribute.group(2).replaceAll("^[\"']|[\"']$", "") : "";
				if (attributeName.startsWith("style")) {
					problems.add(where + " (a style attribute)");
				}
				if (attributeName.startsWith("on")) {
					problems.add(where + " (an event attribute)");
				}
				if (value.strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
					problems.add(where + " (a javascript: URL)");
				}
				source |= attributeName.equals("src");
				data |= attributeName.equals("type") && value.strip().equalsIgnoreCase("application/json");
			}
			if (element.equals("script") && !source && !data) {
				problems.add(where + " (an inline script)");
			}
		}
		return problems;
	}

}
