package org.ceprint.rendering.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Compiles each template ({@code templates/<name>.jrxml}) once per process, on first use,
 * so that commands that print nothing do not pay for compilation.
 */
@Component
public class TemplateCache {

	private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

	public JasperReport get(String name) {
		return this.compiled.computeIfAbsent(name, TemplateCache::compile);
	}

	private static JasperReport compile(String name) {
		String path = "templates/" + name + ".jrxml";
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return JasperCompileManager.compileReport(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("模板缺失：" + path, ex);
		}
		catch (JRException ex) {
			throw new IllegalStateException("模板无法编译：" + path, ex);
		}
	}

}
