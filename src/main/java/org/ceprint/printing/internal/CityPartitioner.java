package org.ceprint.printing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ceprint.printing.internal.PrintClaims.UnitSize;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The partitions of a by-city step: one per city the run holds claims in, in code order,
 * and a city with more documents than the partition size split into ranges of whole units
 * of about that size, so that remote workers get partitions of similar size. A partition
 * with nothing of a step's kind to print ends at once.
 * <p>
 * The partition size arrives as the grid size, which Spring Batch keeps in the step's
 * execution context and hands back unchanged when the step restarts: a run resumed under
 * another setting, or by one process after several, finds the same partitions, whose
 * names its finished ones are recorded under. The claims do not change while the run
 * lasts, so the ranges are the same too.
 */
class CityPartitioner implements Partitioner {

	static final String CITY = "city";

	static final String UNIT_FROM = "unitFrom";

	static final String UNIT_TO = "unitTo";

	static final String PART = "part";

	/**
	 * The smallest partition size: a smaller grid size is one partition per city. Runs
	 * recorded before partitions had a size kept the thread count (1 to 64) as their grid
	 * size, and resume as they started.
	 */
	static final int MINIMUM_SIZE = 100;

	private final List<UnitSize> units;

	CityPartitioner(List<UnitSize> units) {
		this.units = units;
	}

	/**
	 * @param partitionSize documents per partition; under {@link #MINIMUM_SIZE} for one
	 * partition per city
	 */
	@Override
	public Map<String, ExecutionContext> partition(int partitionSize) {
		Map<String, List<UnitSize>> byCity = new LinkedHashMap<>();
		for (UnitSize unit : this.units) {
			byCity.computeIfAbsent(unit.city(), (city) -> new ArrayList<>()).add(unit);
		}
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		byCity.forEach((city, units) -> {
			List<List<UnitSize>> ranges = ranges(units, partitionSize);
			for (int i = 0; i < ranges.size(); i++) {
				ExecutionContext context = new ExecutionContext();
				context.putString(CITY, city);
				if (ranges.size() == 1) {
					partitions.put(CITY + city, context);
					continue;
				}
				List<UnitSize> range = ranges.get(i);
				String part = "p" + (i + 1);
				context.putLong(UNIT_FROM, range.get(0).unitId());
				context.putLong(UNIT_TO, range.get(range.size() - 1).unitId());
				context.putString(PART, part);
				partitions.put(CITY + city + "-" + part, context);
			}
		});
		return partitions;
	}

	/**
	 * Cuts a city's units, in unit order, into ranges: a range closes once it holds the
	 * partition size, a remainder under half of it joins the last range, and a unit is
	 * never split.
	 */
	private static List<List<UnitSize>> ranges(List<UnitSize> units, int partitionSize) {
		List<List<UnitSize>> ranges = new ArrayList<>();
		if (partitionSize < MINIMUM_SIZE) {
			ranges.add(units);
			return ranges;
		}
		List<UnitSize> current = new ArrayList<>();
		int documents = 0;
		for (UnitSize unit : units) {
			current.add(unit);
			documents += unit.documents();
			if (documents >= partitionSize) {
				ranges.add(current);
				current = new ArrayList<>();
				documents = 0;
			}
		}
		if (!current.isEmpty()) {
			if (!ranges.isEmpty() && documents < partitionSize / 2) {
				// a small remainder joins the last range rather than making a tiny one
				ranges.get(ranges.size() - 1).addAll(current);
			}
			else {
				ranges.add(current);
			}
		}
		return ranges;
	}

}
