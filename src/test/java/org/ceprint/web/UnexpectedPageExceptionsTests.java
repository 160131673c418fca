package org.ceprint.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ceprint.InvalidRequestException;
import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.accounts.OfficeUsers;
import org.ceprint.registry.Transfers;
import org.ceprint.submission.Submissions;

import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The pages show refusals inline, in Chinese, and nothing else: an unexpected exception
 * in the register pages or the submission pages reaches the web module's handler (500,
 * the generic message, logged with its stack trace), its own text never on the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UnexpectedPageExceptionsTests {

	static final String OFFICE = "360600";

	@Autowired
	MockMvc mvc;

	@Autowired
	OfficeUsers users;

	@MockitoSpyBean
	Transfers transfers;

	@MockitoSpyBean
	Submissions submissions;

	OfficeUser clerk;

	final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	/** The web module's handler, which logs what it answers with 500. */
	final Logger refusals = (Logger) LoggerFactory.getLogger("org.ceprint.web.internal.Refusals");

	@BeforeEach
	void listen() {
		this.logged.start();
		this.refusals.addAppender(this.logged);
	}

	@AfterEach
	void stopListening() {
		this.refusals.detachAppender(this.logged);
	}

	@BeforeEach
	void clerk() {
		if (!this.users.exists("pagecatch-clerk")) {
			this.users.create("pagecatch-clerk", "pagecatch-clerk-pw", "页面窗口", OfficeRole.CLERK, OFFICE);
		}
		this.clerk = this.users.loadUserByUsername("pagecatch-clerk");
	}

	@Test
	void aRegisterPageShowsARefusalButLeavesAnythingElseToTheCentralHandler() throws Exception {
		willThrow(new InvalidRequestException("调入单位须填写")).given(this.transfers)
			.transfer(anyString(), anyString(), anyString(), any(LocalDate.class), anyString());
		MvcResult refused = transfer();
		assertThat(refused.getResponse().getStatus()).isEqualTo(302);
		assertThat(refused.getFlashMap().get("problem")).isEqualTo("调入单位须填写");

		willThrow(new IllegalStateException("内部细节：调动")).given(this.transfers)
			.transfer(anyString(), anyString(), anyString(), any(LocalDate.class), anyString());
		MvcResult failed = transfer();
		assertUnexpected(failed, "/office/register/transfer");
		assertThat(failed.getFlashMap().get("problem")).isNull();
	}

	@Test
	void aSubmissionPageShowsARefusalButLeavesAnythingElseToTheCentralHandler() throws Exception {
		willThrow(new InvalidRequestException("本账号不能新建报送批次")).given(this.submissions).draft(any(), any());
		MvcResult refused = draft();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/submissions");
		assertThat(refused.getFlashMap().get("problem")).isEqualTo("本账号不能新建报送批次");

		willThrow(new IllegalStateException("内部细节：草稿")).given(this.submissions).draft(any(), any());
		MvcResult failed = draft();
		assertUnexpected(failed, "/submissions/draft");
		assertThat(failed.getFlashMap().get("problem")).isNull();
	}

	/**
	 * A post that answers with a redirect: the spied bean is named like the queue's view
	 * (submissions), which a spy cannot render.
	 */
	private MvcResult draft() throws Exception {
		return this.mvc
			.perform(post("/submissions/draft").with(user(this.clerk)).with(csrf()).accept(MediaType.TEXT_HTML))
			.andReturn();
	}

	private MvcResult transfer() throws Exception {
		return this.mvc
			.perform(post("/office/register/transfer").param("idNumber", "360602199101010011")
				.param("to", "91360600MA00000000")
				.param("on", "2026-06-30")
				.with(user(this.clerk))
				.with(csrf())
				.accept(MediaType.TEXT_HTML))
			.andReturn();
	}

	private void assertUnexpected(MvcResult result, String path) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(500);
		assertThat(result.getRequest().getAttribute(Problems.MESSAGE_ATTRIBUTE)).isEqualTo(Problems.defaultDetail(500));
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("内部细节");
		// logged at error level with the exception, for whoever runs the service
		assertThat(this.logged.list).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.ERROR);
			assertThat(event.getFormattedMessage()).isEqualTo("请求未能完成（POST " + path + "）");
			assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
			assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
		});
	}

}
