package org.ceprint.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.ceprint.demo.DemoRegistryGenerator.DemoUnit;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.demo.internal.DemoProvince.City;
import org.ceprint.demo.internal.DemoProvince.UnitKind;
import org.ceprint.registry.NewRecords.NewCertificate;
import org.ceprint.registry.NewRecords.NewEntry;
import org.ceprint.registry.NewRecords.NewPerson;
import org.ceprint.registry.Sex;
import org.ceprint.registry.TitleLevel;

/**
 * Generates people chunk by chunk: each with a valid ID number, a unit, a title, a
 * certificate (numbered later) and their entries since the certificate was issued, at
 * most seven years back.
 */
public final class DemoPeople {

	/**
	 * One chunk of generated people, their certificates (not yet numbered) and entries.
	 */
	public record Chunk(List<NewPerson> people, List<NewCertificate> certificates, List<NewEntry> entries) {

	}

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1962, 1, 1);

	private static final int BIRTH_DAYS = (int) (LocalDate.of(2000, 12, 31).toEpochDay() - EARLIEST_BIRTH.toEpochDay());

	private final Random random;

	private final List<DemoUnit> units;

	private final List<DemoUnit> bases;

	private final LocalDate asOf;

	private final Set<String> idNumbers = new HashSet<>();

	public DemoPeople(Random random, List<DemoUnit> units, List<DemoUnit> bases, LocalDate asOf) {
		this.random = random;
		this.units = units;
		this.bases = bases;
		this.asOf = asOf;
	}

	public Chunk next(int count) {
		List<NewPerson> people = new ArrayList<>(count);
		List<NewCertificate> certificates = new ArrayList<>(count);
		List<NewEntry> entries = new ArrayList<>(count * 12);
		for (int i = 0; i < count; i++) {
			DemoUnit unit = this.units.get(this.random.nextInt(this.units.size()));
			City city = unit.city();
			UnitKind kind = unit.kind();
			Sex sex = this.random.nextBoolean() ? Sex.M : Sex.F;
			LocalDate birth = EARLIEST_BIRTH.plusDays(this.random.nextInt(BIRTH_DAYS + 1));
			String id = uniqueIdNumber(city, birth, sex);
			TitleLevel level = DemoRegistryGenerator.titleLevel(this.random);
			String title = switch (level) {
				case SENIOR -> pick(kind.seniorTitles());
				case INTERMEDIATE -> pick(kind.intermediateTitles());
				case JUNIOR -> pick(kind.juniorTitles());
				case UNRATED -> null;
			};
			String specialty = pick(kind.specialties());
			people.add(new NewPerson(DemoNames.next(this.random), sex, birth, id, unit.organisation().creditCode(),
					level, title, specialty));
			int firstYear = Math.min(Math.max(2013, birth.getYear() + 23), this.asOf.getYear());
			int issueYear = firstYear
					+ this.random.nextInt(Math.max(1, Math.min(2024, this.asOf.getYear()) - firstYear + 1));
			LocalDate issueDate = LocalDate.of(issueYear, 1 + this.random.nextInt(12), 1 + this.random.nextInt(28));
			if (issueDate.isAfter(this.asOf)) {
				issueDate = this.asOf;
			}
			certificates.add(new NewCertificate(null, id, city.code(), issueDate));
			DemoUnit base = baseOf(city);
			DemoEntries.Bodies bodies = new DemoEntries.Bodies(unit.organisation().creditCode(), city.code(),
					base.organisation().creditCode(), base.city().code());
			int fromYear = Math.max(issueDate.getYear(), this.asOf.getYear() - 6);
			entries.addAll(DemoEntries.of(this.random, id, kind, specialty, bodies, fromYear, this.asOf));
		}
		return new Chunk(people, certificates, entries);
	}

	private String uniqueIdNumber(City city, LocalDate birth, Sex sex) {
		while (true) {
			String county = (this.random.nextInt(100) < 88) ? pick(city.counties())
					: pick(DemoProvince.OTHER_PROVINCE_COUNTIES);
			String id = DemoRegistryGenerator.idNumber(this.random, county, birth, sex);
			if (this.idNumbers.add(id)) {
				return id;
			}
		}
	}

	private DemoUnit baseOf(City city) {
		return this.bases.stream().filter((base) -> base.city() == city).findFirst().orElse(this.bases.get(0));
	}

	private <T> T pick(List<T> options) {
		return options.get(this.random.nextInt(options.size()));
	}

}
