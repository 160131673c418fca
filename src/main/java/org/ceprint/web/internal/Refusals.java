package org.ceprint.web.internal;

import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.web.Problems;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every exception a controller lets out becomes one answer: problem details (RFC 9457) in
 * Chinese for a program, the error page with the same message for a browser. Our own
 * refusals keep their message ({@link InvalidRequestException} 400, access denied 403,
 * {@link NoSuchElementException} and {@code NotFoundException} 404,
 * {@link ConflictException} 409); a library's text, a path or a class name never reaches
 * the client. {@link IllegalArgumentException} and {@link IllegalStateException} are
 * programming errors, not refusals: like any other unexpected exception they answer 500
 * with the generic message, and are logged.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class Refusals {

	private static final Log logger = LogFactory.getLog(Refusals.class);

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> refuse(Exception ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		HttpStatusCode status = status(ex);
		String detail = detail(ex, status.value());
		if (status.is5xxServerError()) {
			logger.error("请求未能完成（" + request.getMethod() + " " + request.getRequestURI() + "）", ex);
		}
		if (!Problems.wantsJson(request)) {
			request.setAttribute(Problems.MESSAGE_ATTRIBUTE, detail);
			response.sendError(status.value());
			return null;
		}
		return ResponseEntity.status(status).body(Problems.of(status, detail));
	}

	private static HttpStatusCode status(Exception ex) {
		if (ex instanceof ErrorResponse known) {
			return known.getStatusCode();
		}
		if (ex instanceof InvalidRequestException) {
			return HttpStatus.BAD_REQUEST;
		}
		if (ex instanceof ConflictException) {
			return HttpStatus.CONFLICT;
		}
		if (ex instanceof TypeMismatchException || ex instanceof HttpMessageNotReadableException) {
			return HttpStatus.BAD_REQUEST;
		}
		if (ex instanceof AccessDeniedException) {
			return HttpStatus.FORBIDDEN;
		}
		if (ex instanceof NoSuchElementException) {
			return HttpStatus.NOT_FOUND;
		}
		if (ex instanceof ConcurrencyFailureException || ex instanceof DataIntegrityViolationException) {
			return HttpStatus.CONFLICT;
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String detail(Exception ex, int status) {
		if (ex instanceof TypeMismatchException mismatch) {
			String name = (mismatch.getPropertyName() != null) ? mismatch.getPropertyName() : "参数";
			return "%s 的值不对：「%s」不是%s".formatted(name, shorten(mismatch.getValue()),
					isNumber(mismatch.getRequiredType()) ? "整数" : "可用的值");
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return "缺少参数 " + missing.getParameterName();
		}
		if (ex instanceof MissingServletRequestPartException missing) {
			return "缺少上传的文件（表单字段 " + missing.getRequestPartName() + "）";
		}
		if (ex instanceof HttpMessageNotReadableException unreadable) {
			return unreadable(unreadable);
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return "上传的文件过大：汇总表最大 20 MB";
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return "不支持该内容类型：JSON 接口请用 application/json，上传文件请用 multipart/form-data";
		}
		if (ex instanceof ConcurrencyFailureException || ex instanceof DataIntegrityViolationException) {
			return "记录正被同时修改，本次请求未生效；请刷新后重试";
		}
		if (status >= 500) {
			return Problems.defaultDetail(status);
		}
		return Problems.userMessage(ex, Problems.defaultDetail(status));
	}

	/** Names the field that could not be read, when Jackson says which. */
	private static String unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return "请求中有未知字段「%s」：请按接口说明填写".formatted(shorten(unknown.getPropertyName()));
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = jackson.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
			return "字段「%s」的值不对：类型或格式不符合接口说明（例如数字写成了文字）".formatted(shorten(field));
		}
		return (ex.getHttpInputMessage() != null && cause instanceof JacksonException) ? "请求内容不是有效的 JSON"
				: "请求内容为空或不是有效的 JSON";
	}

	private static boolean isNumber(Class<?> type) {
		return type != null && (Number.class.isAssignableFrom(type) || type == long.class || type == int.class);
	}

	private static String shorten(Object value) {
		String text = String.valueOf(value);
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
