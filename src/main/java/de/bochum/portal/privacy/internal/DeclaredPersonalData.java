package de.bochum.portal.privacy.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;

import de.bochum.portal.platform.PersonalData;
import de.bochum.portal.privacy.PersonalDataDeclaration;
import de.bochum.portal.privacy.PersonalDataRegister;
import de.bochum.portal.privacy.PersonalDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The register, read from where personal data is defined: {@link PersonalData} on JPA entity
 * fields, and column comments in the migrations of tables written with plain SQL. It also knows
 * which columns look personal and are not declared either way.
 */
@Service
class DeclaredPersonalData implements PersonalDataRegister {

	static final String PERSONAL_PREFIX = "personal-data:";
	static final String NOT_PERSONAL_PREFIX = "not-personal:";

	/** Words in a column name that suggest a person: names, contact, address, birth date, bank, network. */
	private static final Set<String> PERSONAL_WORDS = Set.of("name", "vorname", "nachname", "username", "email",
			"mail", "phone", "telefon", "mobile", "mobil", "fax", "address", "adresse", "anschrift", "street",
			"strasse", "birth", "birthday", "birthdate", "geburtsdatum", "geburt", "iban", "bic", "ip", "password",
			"passwort");

	/** Tables of the libraries the portal runs on; they hold no personal data. */
	private static final Set<String> INFRASTRUCTURE_TABLES = Set.of("flyway_schema_history", "shedlock");

	private final EntityManagerFactory entities;
	private final JdbcClient jdbc;
	private final List<PersonalDataSource> sources;
	private volatile List<PersonalDataDeclaration> cache;

	DeclaredPersonalData(EntityManagerFactory entities, JdbcClient jdbc, List<PersonalDataSource> sources) {
		this.entities = entities;
		this.jdbc = jdbc;
		this.sources = List.copyOf(sources);
	}

	@Override
	public List<PersonalDataDeclaration> declarations() {
		List<PersonalDataDeclaration> declarations = cache;
		if (declarations == null) {
			declarations = load();
			cache = declarations;
		}
		return declarations;
	}

	private List<PersonalDataDeclaration> load() {
		Map<String, PersonalDataDeclaration> byColumn = new TreeMap<>();
		for (PersonalDataDeclaration declaration : fromEntities()) {
			byColumn.put(declaration.table() + "." + declaration.column(), declaration);
		}
		for (ColumnInfo column : columns()) {
			String comment = column.comment();
			if (comment != null && comment.startsWith(PERSONAL_PREFIX)) {
				byColumn.put(column.key(), fromComment(column));
			}
		}
		for (PersonalDataSource source : sources) {
			for (PersonalDataSource.Field field : source.fields()) {
				if (field.declaration() != null) {
					byColumn.put(field.key(), field.declaration());
				}
			}
		}
		return byColumn.values()
			.stream()
			.sorted(Comparator.comparing(PersonalDataDeclaration::module)
				.thenComparing(PersonalDataDeclaration::table)
				.thenComparing(PersonalDataDeclaration::column))
			.toList();
	}

	/** Columns that look personal and have neither a declaration nor a "not-personal" comment. */
	List<String> undeclaredPersonalLookingColumns() {
		Set<String> declared = new java.util.HashSet<>();
		declarations().forEach(d -> declared.add(d.table() + "." + d.column()));
		List<String> undeclared = new ArrayList<>();
		for (ColumnInfo column : columns()) {
			boolean exempt = column.comment() != null && column.comment().startsWith(NOT_PERSONAL_PREFIX);
			if (looksPersonal(column.column()) && !exempt && !declared.contains(column.key())
					&& !INFRASTRUCTURE_TABLES.contains(column.table())) {
				undeclared.add(column.key());
			}
		}
		return undeclared;
	}

	/** Fields of {@link PersonalDataSource}s (form fields, say) that look personal and are declared neither way. */
	List<String> undeclaredSourceFields() {
		return undeclared(sources);
	}

	static List<String> undeclared(List<PersonalDataSource> sources) {
		List<String> undeclared = new ArrayList<>();
		for (PersonalDataSource source : sources) {
			for (PersonalDataSource.Field field : source.fields()) {
				if (!field.declared() && looksPersonal(words(field.name()))) {
					undeclared.add(field.key());
				}
			}
		}
		return undeclared;
	}

	/** "halter.geburtsDatum" → "halter_geburts_datum": a name in any notation, read as words. */
	static String words(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_");
	}

	/** Declarations on entity fields whose column does not exist: a typo would hide a field. */
	List<String> declarationsWithoutColumn() {
		Set<String> existing = new java.util.HashSet<>();
		columns().forEach(c -> existing.add(c.key()));
		return fromEntities().stream()
			.map(d -> d.table() + "." + d.column())
			.filter(key -> !existing.contains(key))
			.toList();
	}

	static boolean looksPersonal(String column) {
		for (String word : column.toLowerCase(Locale.ROOT).split("_")) {
			if (PERSONAL_WORDS.contains(word)) {
				return true;
			}
		}
		return false;
	}

	void forget() {
		cache = null;
	}

	private List<PersonalDataDeclaration> fromEntities() {
		List<PersonalDataDeclaration> declarations = new ArrayList<>();
		for (EntityType<?> entity : entities.getMetamodel().getEntities()) {
			Class<?> type = entity.getJavaType();
			Table table = type.getAnnotation(Table.class);
			String tableName = table != null && !table.name().isBlank() ? table.name() : snakeCase(type.getSimpleName());
			declare(type, type, tableName, declarations);
		}
		return declarations;
	}

	/** The declared fields of an entity class and of the value objects it embeds, which share its table. */
	private static void declare(Class<?> entity, Class<?> type, String tableName, List<PersonalDataDeclaration> declarations) {
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			for (Field field : c.getDeclaredFields()) {
				if (field.isAnnotationPresent(Embedded.class) || field.getType().isAnnotationPresent(Embeddable.class)) {
					declare(entity, field.getType(), tableName, declarations);
					continue;
				}
				PersonalData personal = field.getAnnotation(PersonalData.class);
				if (personal == null) {
					continue;
				}
				Column column = field.getAnnotation(Column.class);
				String columnName = column != null && !column.name().isBlank() ? column.name()
						: snakeCase(field.getName());
				declarations.add(new PersonalDataDeclaration(moduleOf(entity), tableName, columnName,
						personal.label().isBlank() ? field.getName() : personal.label(), personal.category(),
						personal.purpose(), personal.legalBasis(), personal.retention(), personal.visibleTo()));
			}
		}
	}

	private static PersonalDataDeclaration fromComment(ColumnInfo column) {
		String[] parts = column.comment().substring(PERSONAL_PREFIX.length()).split("\\|");
		if (parts.length < 6) {
			throw new IllegalStateException("Spaltenkommentar von " + column.key()
					+ " braucht: personal-data: Kategorie | Zweck | Rechtsgrundlage | Speicherdauer | sichtbar für | Bezeichnung");
		}
		String module = column.table().contains("_") ? column.table().substring(0, column.table().indexOf('_'))
				: column.table();
		return new PersonalDataDeclaration(module, column.table(), column.column(), parts[5].strip(), parts[0].strip(),
				parts[1].strip(), parts[2].strip(), parts[3].strip(), parts[4].strip());
	}

	private List<ColumnInfo> columns() {
		return jdbc.sql("""
				select c.table_name, c.column_name,
				       col_description(format('%I.%I', c.table_schema, c.table_name)::regclass, c.ordinal_position)
				from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
				order by c.table_name, c.ordinal_position""")
			.query((rs, i) -> new ColumnInfo(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private static String moduleOf(Class<?> type) {
		String name = type.getPackageName().replace("de.bochum.portal.", "");
		int dot = name.indexOf('.');
		return dot < 0 ? name : name.substring(0, dot);
	}

	private static String snakeCase(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

	private record ColumnInfo(String table, String column, String comment) {

		String key() {
			return table + "." + column;
		}
	}
}
