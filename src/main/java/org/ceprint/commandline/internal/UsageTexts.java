package org.ceprint.commandline.internal;

import java.util.ListResourceBundle;

/**
 * picocli's own words in the help of every command, in Chinese: the headings and the
 * descriptions of {@code --help} and {@code --version}. Keys are picocli's (see
 * {@code CommandLine.Model.Messages}); the commands' own texts stay in their annotations.
 */
public class UsageTexts extends ListResourceBundle {

	@Override
	protected Object[][] getContents() {
		return new Object[][] { { "usage.synopsisHeading", "用法：" }, { "usage.synopsisSubcommandLabel", "[命令]" },
				{ "usage.commandListHeading", "%n命令：%n" }, { "usage.parameterListHeading", "%n参数：%n" },
				{ "usage.optionListHeading", "%n选项：%n" }, { "mixinStandardHelpOptions.help", "显示本帮助并退出" },
				{ "mixinStandardHelpOptions.version", "显示版本信息并退出" } };
	}

}
