package org.ceprint.demo.internal;

import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.ceprint.registry.Checked;
import org.ceprint.registry.PersonNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the seed, the demo's names pass the name rule unchanged: a hundred thousand
 * draws cover every surname and every given-name and rare character.
 */
class DemoNamesTests {

	@Test
	void everyDrawnNamePassesTheNameRuleUnchanged() {
		Random random = new Random(16);
		assertThat(IntStream.range(0, 100_000).mapToObj((i) -> DemoNames.next(random))).allSatisfy((name) -> {
			Checked checked = PersonNames.check(name);
			assertThat(checked.problem()).as(name).isNull();
			assertThat(checked.value()).isEqualTo(name);
		});
	}

	@Test
	void theRareCharactersOfTheDemoAreNamesCharacters() {
		for (String name : new String[] { "王堃", "李昇", "张喆", "刘珺", "陈赟", "杨燚", "赵犇", "黄淼", "周垚" }) {
			assertThat(PersonNames.check(name).problem()).as(name).isNull();
		}
	}

}
