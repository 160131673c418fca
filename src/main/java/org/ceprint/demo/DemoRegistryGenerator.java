package org.ceprint.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.demo.internal.DemoPeople;
import org.ceprint.demo.internal.DemoProvince.City;
import org.ceprint.demo.internal.DemoProvince.UnitKind;
import org.ceprint.demo.internal.DemoProvince;
import org.ceprint.demo.internal.DemoSummary;
import org.ceprint.registry.CertificateNumberAllocator;
import org.ceprint.registry.CreditCodes;
import org.ceprint.registry.NewRecords.Department;
import org.ceprint.registry.NewRecords.NewCertificate;
import org.ceprint.registry.NewRecords.NewOrganisation;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.RegistryBulkLoader;
import org.ceprint.registry.ResidentIdNumbers;
import org.ceprint.registry.Sex;
import org.ceprint.registry.TitleLevel;

import org.springframework.stereotype.Component;

/**
 * Fills an empty registry with a demonstration province. The same seed, size and
 * reference date give the same rows. People are generated and stored in chunks, so memory
 * stays flat up to 100,000 people.
 */
@Component
public class DemoRegistryGenerator {

	public static final int MAX_PEOPLE = 100_000;

	private static final int CHUNK = 2_000;

	private final RegistryBulkLoader loader;

	private final CertificateNumberAllocator numbers;

	private final Clock clock;

	DemoRegistryGenerator(RegistryBulkLoader loader, CertificateNumberAllocator numbers, Clock clock) {
		this.loader = loader;
		this.numbers = numbers;
		this.clock = clock;
	}

	public boolean registryHasPeople() {
		return this.loader.hasPeople();
	}

	public void clearRegistry() {
		this.loader.clear();
	}

	public DemoSummary generate(long seed, int people) {
		return generate(seed, people, LocalDate.now(this.clock));
	}

	/**
	 * @param asOf the day the demonstration is set on: entries of its year are pending,
	 * older ones verified, and no date lies after it
	 */
	public DemoSummary generate(long seed, int people, LocalDate asOf) {
		if (people < 1 || people > MAX_PEOPLE) {
			throw new InvalidRequestException("演示人数须在 1 到 " + MAX_PEOPLE + " 之间：" + people);
		}
		if (this.loader.hasPeople()) {
			throw new ConflictException("登记库中已有人员，演示数据只能生成到空的登记库（可先清空）");
		}
		Random random = new Random(seed);
		List<Department> departments = new ArrayList<>();
		for (City city : DemoProvince.CITIES) {
			for (UnitKind kind : DemoProvince.UNIT_KINDS) {
				departments.add(new Department(city.code(), DemoProvince.departmentName(city, kind)));
			}
		}
		this.loader.addDepartments(departments);
		List<DemoUnit> units = units(random, Math.max(30, people / 10));
		List<DemoUnit> bases = bases(random, units.size());
		List<NewOrganisation> organisations = new ArrayList<>();
		units.forEach((unit) -> organisations.add(unit.organisation()));
		bases.forEach((base) -> organisations.add(base.organisation()));
		this.loader.addOrganisations(organisations);

		DemoPeople generator = new DemoPeople(random, units, bases, asOf);
		int entries = 0;
		for (int from = 0; from < people; from += CHUNK) {
			DemoPeople.Chunk chunk = generator.next(Math.min(CHUNK, people - from));
			this.loader.addPeople(chunk.people());
			this.loader.addCertificates(numbered(chunk.certificates()));
			this.loader.addEntries(chunk.entries());
			entries += chunk.entries().size();
		}
		return new DemoSummary(people, units.size(), bases.size(), people, entries);
	}

	/**
	 * Draws the certificate numbers of a chunk in one block per channel and year, in
	 * chunk order.
	 */
	private List<NewCertificate> numbered(List<NewCertificate> unnumbered) {
		Map<String, List<Integer>> byChannelAndYear = new LinkedHashMap<>();
		for (int i = 0; i < unnumbered.size(); i++) {
			NewCertificate certificate = unnumbered.get(i);
			byChannelAndYear
				.computeIfAbsent(certificate.channelCode() + "/" + certificate.issueDate().getYear(),
						(key) -> new ArrayList<>())
				.add(i);
		}
		NewCertificate[] numbered = new NewCertificate[unnumbered.size()];
		byChannelAndYear.forEach((key, indexes) -> {
			NewCertificate first = unnumbered.get(indexes.get(0));
			List<String> drawn = this.numbers.allocate(first.channelCode(), first.issueDate().getYear(),
					indexes.size());
			for (int i = 0; i < indexes.size(); i++) {
				NewCertificate certificate = unnumbered.get(indexes.get(i));
				numbered[indexes.get(i)] = new NewCertificate(drawn.get(i), certificate.holderIdNumber(),
						certificate.channelCode(), certificate.issueDate());
			}
		});
		return List.of(numbered);
	}

	private static List<DemoUnit> units(Random random, int count) {
		Map<String, Integer> numbering = new LinkedHashMap<>();
		Set<String> codes = new HashSet<>();
		List<DemoUnit> units = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			// the first twelve cover every channel; the rest follow each city's share
			City city = (i < DemoProvince.CITIES.size()) ? DemoProvince.CITIES.get(i) : weightedCity(random);
			UnitKind kind = DemoProvince.UNIT_KINDS.get(random.nextInt(DemoProvince.UNIT_KINDS.size()));
			int number = numbering.merge(city.code() + kind.nameFormat(), 1, Integer::sum);
			String name = kind.nameFormat().formatted(city.place(), DemoProvince.chineseNumeral(number));
			String code = creditCode(random, kind.creditPrefix(), city.counties().get(0), codes);
			units.add(new DemoUnit(city, kind, new NewOrganisation(Organisation.Kind.UNIT, name, code, city.code(),
					DemoProvince.departmentName(city, kind))));
		}
		return units;
	}

	private static List<DemoUnit> bases(Random random, int unitCount) {
		Set<String> codes = new HashSet<>();
		List<DemoUnit> bases = new ArrayList<>();
		for (int i = 0; i < DemoProvince.CITIES.size(); i++) {
			City city = DemoProvince.CITIES.get(i);
			String host = DemoProvince.BASE_HOSTS.get(i % DemoProvince.BASE_HOSTS.size());
			String name = city.place() + "专业技术人员继续教育基地（" + host + "）";
			String code = creditCode(random, "12", city.counties().get(0), codes);
			bases.add(new DemoUnit(city, null,
					new NewOrganisation(Organisation.Kind.BASE, name, code, city.code(), null)));
		}
		return bases;
	}

	static City weightedCity(Random random) {
		int total = DemoProvince.CITIES.stream().mapToInt(City::weight).sum();
		int pick = random.nextInt(total);
		for (City city : DemoProvince.CITIES) {
			pick -= city.weight();
			if (pick < 0) {
				return city;
			}
		}
		throw new IllegalStateException("weights");
	}

	/**
	 * A credit code: 2-character registration type, county code, a 9-character
	 * organisation code with its own GB 11714 check character, and the GB 32100 check
	 * character.
	 */
	static String creditCode(Random random, String prefix, String county, Set<String> taken) {
		while (true) {
			String base = "%08d".formatted(random.nextInt(100_000_000));
			int sum = 0;
			int[] weights = { 3, 7, 9, 10, 5, 8, 4, 2 };
			for (int i = 0; i < 8; i++) {
				sum += (base.charAt(i) - '0') * weights[i];
			}
			int check = 11 - sum % 11;
			String organisationCode = base + ((check == 10) ? "X" : (check == 11) ? "0" : String.valueOf(check));
			String first17 = prefix + county + organisationCode;
			String code = first17 + CreditCodes.checkCharacter(first17);
			if (taken.add(code)) {
				return code;
			}
		}
	}

	/** A generated unit or base with what the people generator needs to know about it. */
	public record DemoUnit(City city, UnitKind kind, NewOrganisation organisation) {

	}

	public static String idNumber(Random random, String county, LocalDate birth, Sex sex) {
		int sequence = random.nextInt(500) * 2 + ((sex == Sex.M) ? 1 : 0);
		String first17 = county
				+ "%04d%02d%02d".formatted(birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
				+ "%03d".formatted(sequence);
		return first17 + ResidentIdNumbers.checkCharacter(first17);
	}

	public static TitleLevel titleLevel(Random random) {
		int pick = random.nextInt(100);
		return (pick < 20) ? TitleLevel.SENIOR
				: (pick < 65) ? TitleLevel.INTERMEDIATE : (pick < 95) ? TitleLevel.JUNIOR : TitleLevel.UNRATED;
	}

}
