package org.ceprint.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Problem details (RFC 9457) in Chinese, and the rule for what text may reach a client:
 * our own messages (Chinese, written for the user) pass; anything else, which can only
 * come from a library or the JDK, is replaced by the status's Chinese wording.
 */
public final class Problems {

	/**
	 * A request attribute holding the Chinese message of a refusal made outside a
	 * controller (a filter, a security handler), for the error page to show.
	 */
	public static final String MESSAGE_ATTRIBUTE = Problems.class.getName() + ".message";

	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

	/** Absolute file-system paths (Unix or Windows) and Java class names. */
	private static final Pattern INTERNAL = Pattern
		.compile("(^|[\\s:：（(\"'])(/[\\w.-]+/|[A-Za-z]:\\\\)|\\b(java|javax|jakarta|org|com)\\.[a-z]\\w*\\.");

	private Problems() {
	}

	/** The Chinese title of a status: what kind of refusal it is. */
	public static String title(int status) {
		return switch (status) {
			case 400 -> "请求有误";
			case 401 -> "需要登录或令牌";
			case 403 -> "无权访问";
			case 404 -> "没有找到";
			case 405 -> "不支持此请求方法";
			case 406 -> "不支持要求的内容格式";
			case 409 -> "与当前状态冲突";
			case 413 -> "内容过大";
			case 415 -> "不支持的内容类型";
			case 429 -> "请求过于频繁";
			case 503 -> "服务暂不可用";
			default -> (status >= 500) ? "服务器内部错误" : "请求未能完成";
		};
	}

	/** What a client reads when there is nothing more specific to say. */
	public static String defaultDetail(int status) {
		return switch (status) {
			case 400 -> "请求有误，请检查后重试";
			case 401 -> "请先登录，或在请求中提供账号（HTTP Basic）或令牌";
			case 403 -> "当前账号无权进行此操作";
			case 404 -> "没有这个地址或记录";
			case 405 -> "此地址不支持该请求方法";
			case 406 -> "无法以要求的格式回答";
			case 409 -> "请求与记录的当前状态冲突，请刷新后重试";
			case 413 -> "上传的内容过大";
			case 415 -> "不支持该内容类型";
			case 429 -> "请求过于频繁，请稍后再试";
			case 503 -> "服务暂不可用，请稍后再试";
			default -> (status >= 500) ? "服务器内部错误，已记录；请稍后再试或联系管理员" : "请求未能完成";
		};
	}

	/**
	 * The text of a refusal a client may read: the exception's own message when it is one
	 * of ours (Chinese, with no path or class name in it), else {@code fallback}.
	 */
	public static String userMessage(Throwable ex, String fallback) {
		String message = (ex != null) ? ex.getMessage() : null;
		return fit(message) ? message : fallback;
	}

	/** Whether a message may be shown to a client as it is. */
	public static boolean fit(String message) {
		return message != null && !message.isBlank() && CHINESE.matcher(message).find()
				&& !INTERNAL.matcher(message).find();
	}

	/** A problem detail with the Chinese title of its status. */
	public static ProblemDetail of(HttpStatusCode status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title(status.value()));
		return problem;
	}

	/**
	 * Whether the client is a program (the APIs, or anything not asking for HTML): it
	 * gets problem details; a browser gets the error page.
	 */
	public static boolean wantsJson(HttpServletRequest request) {
		String uri = request.getRequestURI();
		if (uri.startsWith("/api/") || uri.startsWith("/admin/")) {
			return true;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE);
	}

	/**
	 * Answers a refusal from a filter or a security handler: problem details for a
	 * program, the error page (through the container's error dispatch) for a browser.
	 */
	public static void send(HttpServletRequest request, HttpServletResponse response, int status, String detail)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		if (wantsJson(request)) {
			response.setStatus(status);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", title(status));
			problem.put("status", status);
			problem.put("detail", detail);
			response.getWriter().write(JsonMapper.shared().writeValueAsString(problem));
			return;
		}
		request.setAttribute(MESSAGE_ATTRIBUTE, detail);
		response.sendError(status);
	}

}
