package org.ceprint.commandline.internal;

import picocli.CommandLine.Command;

import org.springframework.beans.factory.annotation.Value;

/**
 * {@code serve}: runs the verification page (and later the admin pages) until stopped.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "启动服务：证书查验页面（Ctrl+C 停止）")
class ServeCommand implements Runnable, ServingCommand {

	private final String publicBaseUrl;

	ServeCommand(@Value("${ceprint.authenticity.public-base-url}") String publicBaseUrl) {
		this.publicBaseUrl = publicBaseUrl;
	}

	@Override
	public void run() {
		System.out.println("ceprint 已启动，查验页面：" + this.publicBaseUrl + "/v/c/<证书编号>");
	}

	@Override
	public boolean keepsServing() {
		return true;
	}

}
