package org.ceprint.web.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.web.Problems;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What {@link Refusals} answers for each kind of exception a controller lets out: our
 * refusals keep their status and Chinese message; the framework's own client errors stay
 * 400 in Chinese; {@link IllegalArgumentException} and {@link IllegalStateException} are
 * programming errors, answered 500 with the generic message and logged, never their text.
 * (The endpoints' own refusals are covered with the application, e.g. in
 * {@code PrintRunsAdminApiTests}.)
 */
class RefusalsTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Throwing())
		.setControllerAdvice(new Refusals())
		.build();

	@Test
	void refusalsKeepTheirStatusAndChineseMessage() throws Exception {
		this.mvc.perform(get("/api/test/invalid"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("年度须为四位数字：abc"))
			.andExpect(jsonPath("$.title").value("请求有误"));
		this.mvc.perform(get("/api/test/conflict"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("报送批次 #7 已关闭"))
			.andExpect(jsonPath("$.title").value("与当前状态冲突"));
	}

	@Test
	void theFrameworksClientErrorsStay400InChinese() throws Exception {
		this.mvc.perform(get("/api/test/number/abc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("id 的值不对：「abc」不是整数"));
		this.mvc.perform(get("/api/test/param"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("缺少参数 year"));
		this.mvc.perform(post("/api/test/body").contentType(MediaType.APPLICATION_JSON).content("{\"year\":"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("请求内容不是有效的 JSON"));
		this.mvc.perform(post("/api/test/body").contentType(MediaType.TEXT_PLAIN).content("year"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail").value(startsWith("不支持该内容类型")));
	}

	@Test
	void anUnexpectedIllegalStateOrArgumentIs500WithoutItsTextAndIsLogged() throws Exception {
		Logger logger = (Logger) LoggerFactory.getLogger(Refusals.class);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		logger.addAppender(logged);
		try {
			for (String kind : new String[] { "state", "argument" }) {
				String body = this.mvc.perform(get("/api/test/" + kind))
					.andExpect(status().isInternalServerError())
					.andExpect(jsonPath("$.detail").value(Problems.defaultDetail(500)))
					.andExpect(jsonPath("$.title").value("服务器内部错误"))
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(body).as(kind).doesNotContain("内部细节", "Exception");
			}
		}
		finally {
			logger.detachAppender(logged);
		}
		assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.ERROR);
		assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("请求未能完成（GET /api/test/state）", "请求未能完成（GET /api/test/argument）");
		assertThat(logged.list).extracting((event) -> event.getThrowableProxy().getClassName())
			.containsExactly(IllegalStateException.class.getName(), IllegalArgumentException.class.getName());
		assertThat(logged.list).extracting((event) -> event.getThrowableProxy().getMessage())
			.containsExactly("内部细节：状态", "内部细节：参数");
	}

	@Test
	void aBrowserGetsTheErrorPageWithTheGenericMessage() throws Exception {
		MvcResult result = this.mvc.perform(get("/pages/test/state").accept(MediaType.TEXT_HTML))
			.andExpect(status().isInternalServerError())
			.andReturn();
		assertThat(result.getRequest().getAttribute(Problems.MESSAGE_ATTRIBUTE)).isEqualTo(Problems.defaultDetail(500));
		MvcResult refused = this.mvc.perform(get("/pages/test/invalid").accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andReturn();
		assertThat(refused.getRequest().getAttribute(Problems.MESSAGE_ATTRIBUTE)).isEqualTo("年度须为四位数字：abc");
	}

	@RestController
	static class Throwing {

		@GetMapping({ "/api/test/invalid", "/pages/test/invalid" })
		String invalid() {
			throw new InvalidRequestException("年度须为四位数字：abc");
		}

		@GetMapping("/api/test/conflict")
		String conflict() {
			throw new ConflictException("报送批次 #7 已关闭");
		}

		@GetMapping({ "/api/test/state", "/pages/test/state" })
		String state() {
			// Chinese, yet not a refusal: only a domain exception's text reaches a user
			throw new IllegalStateException("内部细节：状态");
		}

		@GetMapping("/api/test/argument")
		String argument() {
			throw new IllegalArgumentException("内部细节：参数");
		}

		@GetMapping("/api/test/number/{id}")
		String number(@PathVariable long id) {
			return "ok";
		}

		@GetMapping("/api/test/param")
		String param(@RequestParam int year) {
			return "ok";
		}

		@PostMapping("/api/test/body")
		String body(@RequestBody Year year) {
			return "ok";
		}

	}

	record Year(int year) {
	}

}
