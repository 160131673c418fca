package org.ceprint.printing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ceprint.printing.internal.PrintClaims.UnitSize;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partitions of a by-city step: whole cities, or cities cut into ranges of whole
 * units of about the partition size.
 */
class CityPartitionerTests {

	private static final List<UnitSize> UNITS = units();

	@Test
	void withoutAPartitionSizeEachCityIsOnePartition() {
		Map<String, ExecutionContext> partitions = new CityPartitioner(UNITS).partition(0);
		assertThat(partitions).containsOnlyKeys("city360100", "city360200");
		assertThat(partitions.get("city360100").getString(CityPartitioner.CITY)).isEqualTo("360100");
		assertThat(partitions.get("city360100").containsKey(CityPartitioner.UNIT_FROM)).isFalse();
	}

	@Test
	void aGridSizeUnderTheMinimumIsTheThreadCountOfAnOlderRunAndKeepsWholeCities() {
		assertThat(new CityPartitioner(UNITS).partition(2)).containsOnlyKeys("city360100", "city360200");
	}

	@Test
	void aLargeCityIsCutIntoRangesOfWholeUnitsThatCoverItOnce() {
		Map<String, ExecutionContext> partitions = new CityPartitioner(UNITS).partition(100);
		// 360100: 30 units of 12 documents (360), 360200: 4 units of 10 (40)
		assertThat(partitions).containsOnlyKeys("city360100-p1", "city360100-p2", "city360100-p3", "city360200");
		List<long[]> ranges = new ArrayList<>();
		for (String name : List.of("city360100-p1", "city360100-p2", "city360100-p3")) {
			ExecutionContext context = partitions.get(name);
			assertThat(context.getString(CityPartitioner.CITY)).isEqualTo("360100");
			assertThat(context.getString(CityPartitioner.PART)).isEqualTo(name.substring(name.indexOf('-') + 1));
			ranges.add(new long[] { context.getLong(CityPartitioner.UNIT_FROM),
					context.getLong(CityPartitioner.UNIT_TO) });
		}
		// ranges of 9 units (108 documents), in order, touching, from the first unit to
		// the last; the remainder of 3 units (36 < 50) joins the last range
		assertThat(ranges.get(0)).containsExactly(1000, 1008);
		assertThat(ranges.get(1)).containsExactly(1009, 1017);
		assertThat(ranges.get(2)).containsExactly(1018, 1029);
	}

	@Test
	void theSamePartitionsComeBackForTheSameClaims() {
		assertThat(new CityPartitioner(UNITS).partition(100)).isEqualTo(new CityPartitioner(UNITS).partition(100));
	}

	private static List<UnitSize> units() {
		List<UnitSize> units = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			units.add(new UnitSize("360100", 1000 + i, 12));
		}
		for (int i = 0; i < 4; i++) {
			units.add(new UnitSize("360200", 2000 + i, 10));
		}
		return units;
	}

}
