package org.ceprint.demo.internal;

import java.util.List;
import java.util.Random;

/**
 * Chinese names as people really have them: common surnames, some compound ones (欧阳, 司马
 * …) and given names that now and then use a rare character (堃, 昇, 喆, 珺, 赟 …) that a font
 * must cover.
 */
final class DemoNames {

	private static final String COMMON_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤";

	private static final List<String> COMPOUND_SURNAMES = List.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容", "令狐");

	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强文博思远子涵雨欣浩然宇轩梓萱晨曦俊杰佳怡晓东海燕红梅春生冬梅玉兰德胜金凤文华";

	private static final String RARE = "堃昇喆珺赟燚犇淼垚";

	private DemoNames() {
	}

	static String next(Random random) {
		String surname = (random.nextInt(100) < 4) ? COMPOUND_SURNAMES.get(random.nextInt(COMPOUND_SURNAMES.size()))
				: String.valueOf(COMMON_SURNAMES.charAt(random.nextInt(COMMON_SURNAMES.length())));
		StringBuilder given = new StringBuilder();
		int length = (random.nextInt(10) < 3) ? 1 : 2;
		for (int i = 0; i < length; i++) {
			given.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
		}
		if (random.nextInt(100) < 6) {
			given.setCharAt(given.length() - 1, RARE.charAt(random.nextInt(RARE.length())));
		}
		return surname + given;
	}

}
