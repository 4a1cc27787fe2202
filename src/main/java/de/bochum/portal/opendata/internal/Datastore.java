package de.bochum.portal.opendata.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CKAN's DataStore: tabular resources as tables in the schema {@code datastore}, one per resource.
 * Table names are generated from the resource id; column names come from publishers, so they are
 * validated and only ever used as quoted identifiers, and every value is a bound parameter.
 */
@Component
@Transactional
class Datastore {

	static final String SCHEMA = "datastore";
	static final int DEFAULT_LIMIT = 100;
	static final int MAX_LIMIT = 32000;
	private static final int BATCH = 1000;

	/** The column types, by the names CKAN uses (and PostgreSQL's type for each). */
	enum FieldType {
		TEXT("text", "text"), INT4("int4", "integer"), INT8("int8", "bigint"), NUMERIC("numeric", "numeric"),
		FLOAT8("float8", "double precision"), TIMESTAMP("timestamp", "timestamp"), DATE("date", "date"),
		BOOL("bool", "boolean");

		final String ckan;
		final String sql;

		FieldType(String ckan, String sql) {
			this.ckan = ckan;
			this.sql = sql;
		}

		static Optional<FieldType> parse(String name) {
			return Optional.ofNullable(switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
				case "text", "string", "varchar" -> TEXT;
				case "int", "int4", "integer" -> INT4;
				case "int8", "bigint" -> INT8;
				case "numeric", "number", "decimal" -> NUMERIC;
				case "float8", "float", "double", "double precision" -> FLOAT8;
				case "timestamp", "datetime", "timestamp without time zone" -> TIMESTAMP;
				case "date" -> DATE;
				case "bool", "boolean" -> BOOL;
				default -> null;
			});
		}
	}

	record Field(String id, FieldType type) {
	}

	record Table(UUID resourceId, String name, List<Field> fields, List<String> primaryKey) {

		String qualified() {
			return SCHEMA + "." + name;
		}

		Optional<Field> field(String id) {
			return fields.stream().filter(f -> f.id().equals(id)).findFirst();
		}
	}

	/** Input the datastore cannot take; field (CKAN name) to message, as CKAN's Validation Error. */
	static final class Invalid extends RuntimeException {

		final String field;

		Invalid(String field, String message) {
			super(message);
			this.field = field;
		}
	}

	enum Method {
		INSERT, UPSERT, UPDATE
	}

	record Sort(String field, boolean descending) {
	}

	record Query(List<String> fields, Map<String, List<String>> filters, String q, List<Sort> sort, int limit,
			int offset, boolean includeTotal, boolean distinct) {
	}

	record Result(List<Field> fields, List<Map<String, Object>> records, Long total) {
	}

	private final JdbcTemplate jdbc;
	private final DataSource dataSource;

	Datastore(JdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Loads many records at once with PostgreSQL's COPY (what the CSV loader uses): the values go
	 * as CSV text and PostgreSQL converts them to the columns' types, so a bad value fails the whole
	 * load with PostgreSQL's message and its line.
	 */
	int copy(Table table, List<Map<String, Object>> records) {
		String columns = table.fields().stream().map(f -> quoted(f.id())).collect(Collectors.joining(", "));
		StringBuilder csv = new StringBuilder(records.size() * 64);
		for (Map<String, Object> record : records) {
			for (int i = 0; i < table.fields().size(); i++) {
				if (i > 0) {
					csv.append(',');
				}
				String value = text(record.get(table.fields().get(i).id()));
				if (value != null) {
					// Quoted, so that an empty text stays empty; unquoted empty is NULL.
					csv.append('"').append(value.replace("\"", "\"\"")).append('"');
				}
			}
			csv.append('\n');
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			// Into a staging table first, then one INSERT that fills the full text: each row is written once.
			jdbc.execute("create temp table datastore_load on commit drop as select " + columns + " from "
					+ table.qualified() + " with no data");
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy datastore_load (" + columns + ") from stdin (format csv)", new java.io.StringReader(csv.toString()));
			jdbc.execute("insert into " + table.qualified() + " (" + columns + ", _full_text) select " + columns
					+ ", to_tsvector('german', concat_ws(' ', "
					+ table.fields().stream().map(f -> quoted(f.id()) + "::text").collect(Collectors.joining(", "))
					+ ")) from datastore_load");
			jdbc.execute("drop table datastore_load");
			createFullTextIndex(table.name());
		}
		catch (SQLException | java.io.IOException bad) {
			String message = bad.getMessage() == null ? "COPY failed" : bad.getMessage().replaceFirst("^ERROR: ", "");
			throw new Invalid("records", message.lines().findFirst().orElse(message));
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		return records.size();
	}

	static String tableName(UUID resourceId) {
		return "r_" + resourceId.toString().replace('-', '_');
	}

	/** A column name a publisher chose, as CKAN allows them: 1 to 63 bytes, no quote, not starting with "_". */
	static String checkedId(String id) {
		if (id == null || id.isBlank() || id.startsWith("_") || id.contains("\"") || id.indexOf('\0') >= 0
				|| id.getBytes(StandardCharsets.UTF_8).length > 63 || !id.equals(id.strip())) {
			throw new Invalid("fields", "\"" + id + "\" is not a valid field name: 1 to 63 bytes, no quotes, no"
					+ " leading underscore or spaces");
		}
		return id;
	}

	static String quoted(String id) {
		return "\"" + checkedId(id) + "\"";
	}

	@Transactional(readOnly = true)
	Optional<Table> table(UUID resourceId) {
		List<String> found = jdbc.query("select table_name, coalesce(primary_key, '') from opendata_datastore where resource_id = ? and status = 'active'",
				(rs, i) -> rs.getString(1) + "\n" + rs.getString(2), resourceId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		String name = found.get(0).split("\n", -1)[0];
		String key = found.get(0).split("\n", -1)[1];
		List<Field> fields = jdbc.query("""
				select column_name, data_type from information_schema.columns
				where table_schema = ? and table_name = ? and column_name not in ('_id', '_full_text')
				order by ordinal_position""", (rs, i) -> new Field(rs.getString(1), FieldType.parse(rs.getString(2))
			.orElse(FieldType.TEXT)), SCHEMA, name);
		return Optional.of(new Table(resourceId, name, fields,
				key.isEmpty() ? List.of() : Arrays.asList(key.split("\u001F"))));
	}

	/**
	 * Creates the resource's table, or adds new columns to it. An existing column keeps its type:
	 * changing it would need a conversion CKAN does not do either.
	 */
	Table create(UUID resourceId, List<Field> fields, List<String> primaryKey) {
		return create(resourceId, fields, primaryKey, true);
	}

	private void createFullTextIndex(String name) {
		jdbc.execute("create index if not exists " + name + "_ft on " + SCHEMA + "." + name + " using gin (_full_text)");
	}

	/**
	 * As {@link #create(UUID, List, List)}; a bulk load builds the full-text index only after
	 * {@link #copy}, which is much faster than updating it row by row.
	 */
	Table create(UUID resourceId, List<Field> fields, List<String> primaryKey, boolean fullTextIndexNow) {
		Set<String> seen = new HashSet<>();
		for (Field f : fields) {
			if (!seen.add(checkedId(f.id()))) {
				throw new Invalid("fields", "Duplicate field name: " + f.id());
			}
		}
		for (String key : primaryKey) {
			if (!seen.contains(key)) {
				throw new Invalid("primary_key", "The primary key " + key + " is not a field");
			}
		}
		Optional<Table> existing = table(resourceId);
		if (existing.isPresent()) {
			Table t = existing.get();
			for (Field f : fields) {
				Optional<Field> current = t.field(f.id());
				if (current.isPresent() && current.get().type() != f.type()) {
					throw new Invalid("fields", "The type of field " + f.id() + " cannot be changed from "
							+ current.get().type().ckan + " to " + f.type().ckan);
				}
				if (current.isEmpty()) {
					jdbc.execute("alter table " + t.qualified() + " add column " + quoted(f.id()) + " " + f.type().sql);
				}
			}
			return table(resourceId).orElseThrow();
		}
		if (fields.isEmpty()) {
			throw new Invalid("fields", "Fields are required to create a table");
		}
		String name = tableName(resourceId);
		String columns = fields.stream().map(f -> quoted(f.id()) + " " + f.type().sql).collect(Collectors.joining(", "));
		jdbc.execute("create table " + SCHEMA + "." + name + " (_id bigserial primary key, " + columns
				+ ", _full_text tsvector)");
		if (fullTextIndexNow) {
			createFullTextIndex(name);
		}
		if (!primaryKey.isEmpty()) {
			jdbc.execute("alter table " + SCHEMA + "." + name + " add constraint " + name + "_pk unique ("
					+ primaryKey.stream().map(Datastore::quoted).collect(Collectors.joining(", ")) + ")");
		}
		jdbc.update("""
				insert into opendata_datastore (resource_id, table_name, primary_key, status, updated)
				values (?, ?, ?, 'active', now())
				on conflict (resource_id) do update set primary_key = excluded.primary_key, status = 'active',
				report = '', loaded_rows = 0, updated = now()""", resourceId, name,
				primaryKey.isEmpty() ? null : String.join("\u001F", primaryKey));
		return table(resourceId).orElseThrow();
	}

	/** Writes records (field id to value); returns how many were written. */
	int write(Table table, List<Map<String, Object>> records, Method method) {
		if (method != Method.INSERT && table.primaryKey().isEmpty()) {
			throw new Invalid("method", "The table has no primary key: only method insert is possible");
		}
		for (Map<String, Object> record : records) {
			for (String key : record.keySet()) {
				if (table.field(key).isEmpty()) {
					throw new Invalid("records", "Unknown field: " + key + " (fields are "
							+ table.fields().stream().map(Field::id).collect(Collectors.joining(", ")) + ")");
				}
			}
		}
		try {
			if (method == Method.INSERT) {
				insert(table, records);
			}
			else {
				for (Map<String, Object> record : records) {
					writeOne(table, record, method);
				}
			}
			refreshFullText(table);
		}
		catch (DataAccessException bad) {
			throw new Invalid("records", message(bad));
		}
		jdbc.update("update opendata_datastore set updated = now() where resource_id = ?", table.resourceId());
		return records.size();
	}

	private void insert(Table table, List<Map<String, Object>> records) {
		List<Field> fields = table.fields();
		String sql = "insert into " + table.qualified() + " ("
				+ fields.stream().map(f -> quoted(f.id())).collect(Collectors.joining(", ")) + ") values ("
				+ fields.stream().map(f -> "cast(? as " + f.type().sql + ")").collect(Collectors.joining(", ")) + ")";
		for (int from = 0; from < records.size(); from += BATCH) {
			List<Map<String, Object>> batch = records.subList(from, Math.min(records.size(), from + BATCH));
			jdbc.batchUpdate(sql, batch, batch.size(), (PreparedStatement ps, Map<String, Object> record) -> {
				for (int i = 0; i < fields.size(); i++) {
					ps.setString(i + 1, text(record.get(fields.get(i).id())));
				}
			});
		}
	}

	private void writeOne(Table table, Map<String, Object> record, Method method) {
		for (String key : table.primaryKey()) {
			if (record.get(key) == null) {
				throw new Invalid("records", "Each record needs a value for the primary key " + key);
			}
		}
		List<Field> given = table.fields().stream().filter(f -> record.containsKey(f.id())).toList();
		List<Object> args = new ArrayList<>();
		String sql;
		if (method == Method.UPSERT) {
			String keys = table.primaryKey().stream().map(Datastore::quoted).collect(Collectors.joining(", "));
			List<Field> nonKeys = given.stream().filter(f -> !table.primaryKey().contains(f.id())).toList();
			sql = "insert into " + table.qualified() + " ("
					+ given.stream().map(f -> quoted(f.id())).collect(Collectors.joining(", ")) + ") values ("
					+ given.stream().map(f -> "cast(? as " + f.type().sql + ")").collect(Collectors.joining(", "))
					+ ") on conflict (" + keys + ") do update set _full_text = null"
					+ nonKeys.stream().map(f -> ", " + quoted(f.id()) + " = excluded." + quoted(f.id())).collect(Collectors.joining());
			given.forEach(f -> args.add(text(record.get(f.id()))));
		}
		else {
			List<Field> nonKeys = given.stream().filter(f -> !table.primaryKey().contains(f.id())).toList();
			sql = "update " + table.qualified() + " set _full_text = null"
					+ nonKeys.stream().map(f -> ", " + quoted(f.id()) + " = cast(? as " + f.type().sql + ")").collect(Collectors.joining())
					+ " where " + keyCondition(table);
			nonKeys.forEach(f -> args.add(text(record.get(f.id()))));
			table.primaryKey().forEach(k -> args.add(text(record.get(k))));
		}
		int changed = jdbc.update(sql, args.toArray());
		if (method == Method.UPDATE && changed == 0) {
			throw new Invalid("records", "No record with this primary key: "
					+ table.primaryKey().stream().map(k -> k + "=" + record.get(k)).collect(Collectors.joining(", ")));
		}
	}

	private static String keyCondition(Table table) {
		return table.primaryKey()
			.stream()
			.map(k -> quoted(k) + " = cast(? as " + table.field(k).orElseThrow().type().sql + ")")
			.collect(Collectors.joining(" and "));
	}

	/** German stemming, as the catalogue search: "Haltestellen" finds "Haltestelle". */
	private void refreshFullText(Table table) {
		if (table.fields().isEmpty()) {
			return;
		}
		jdbc.update("update " + table.qualified() + " set _full_text = to_tsvector('german', concat_ws(' ', "
				+ table.fields().stream().map(f -> quoted(f.id()) + "::text").collect(Collectors.joining(", "))
				+ ")) where _full_text is null");
	}

	/** Deletes the records matching the filters; without filters, the whole table. */
	void delete(Table table, Map<String, List<String>> filters) {
		if (filters == null) {
			drop(table.resourceId());
			return;
		}
		List<Object> args = new ArrayList<>();
		String where = where(table, filters, "", args);
		try {
			jdbc.update("delete from " + table.qualified() + where, args.toArray());
		}
		catch (DataAccessException bad) {
			throw new Invalid("filters", message(bad));
		}
	}

	/** Removes the resource's table, if it has one. */
	void drop(UUID resourceId) {
		jdbc.execute("drop table if exists " + SCHEMA + "." + tableName(resourceId));
		jdbc.update("delete from opendata_datastore where resource_id = ?", resourceId);
	}

	@Transactional(readOnly = true)
	Result search(Table table, Query query) {
		List<Field> chosen = new ArrayList<>();
		if (query.fields().isEmpty()) {
			chosen.add(new Field("_id", FieldType.INT8));
			chosen.addAll(table.fields());
		}
		else {
			for (String id : query.fields()) {
				chosen.add(id.equals("_id") ? new Field("_id", FieldType.INT8)
						: table.field(id).orElseThrow(() -> new Invalid("fields", "Unknown field: " + id)));
			}
		}
		List<Object> args = new ArrayList<>();
		String where = where(table, query.filters(), query.q(), args);
		String columns = chosen.stream()
			.map(f -> f.id().equals("_id") ? "_id" : quoted(f.id()))
			.collect(Collectors.joining(", "));
		String order = query.sort().isEmpty() ? (query.distinct() ? "" : " order by _id")
				: " order by " + query.sort().stream().map(s -> {
					if (!s.field().equals("_id") && table.field(s.field()).isEmpty()) {
						throw new Invalid("sort", "Unknown field in sort: " + s.field());
					}
					return (s.field().equals("_id") ? "_id" : quoted(s.field())) + (s.descending() ? " desc" : " asc");
				}).collect(Collectors.joining(", "));
		String select = "select " + (query.distinct() ? "distinct " : "") + columns + " from " + table.qualified() + where;
		try {
			List<Object> pageArgs = new ArrayList<>(args);
			pageArgs.add(query.limit());
			pageArgs.add(query.offset());
			List<Map<String, Object>> records = jdbc.query(select + order + " limit ? offset ?",
					(ResultSet rs, int i) -> record(rs, chosen), pageArgs.toArray());
			Long total = query.includeTotal()
					? jdbc.queryForObject("select count(*) from (" + select + ") t", Long.class, args.toArray())
					: null;
			return new Result(chosen, records, total);
		}
		catch (DataAccessException bad) {
			throw new Invalid("filters", message(bad));
		}
	}

	private static String where(Table table, Map<String, List<String>> filters, String q, List<Object> args) {
		List<String> conditions = new ArrayList<>();
		filters.forEach((id, values) -> {
			if (!id.equals("_id") && table.field(id).isEmpty()) {
				throw new Invalid("filters", "Unknown field in filters: " + id);
			}
			String column = id.equals("_id") ? "_id" : quoted(id);
			if (values.isEmpty()) {
				conditions.add("false");
				return;
			}
			conditions.add(column + "::text in (" + values.stream().map(v -> "?").collect(Collectors.joining(", ")) + ")");
			args.addAll(values);
		});
		if (q != null && !q.isBlank()) {
			conditions.add("_full_text @@ plainto_tsquery('german', ?)");
			args.add(q);
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static Map<String, Object> record(ResultSet rs, List<Field> fields) throws SQLException {
		Map<String, Object> record = new LinkedHashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			Object value = rs.getObject(i + 1);
			if (value instanceof java.sql.Timestamp ts) {
				value = ts.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
			}
			else if (value instanceof java.sql.Date date) {
				value = date.toLocalDate().toString();
			}
			else if (value instanceof BigDecimal decimal) {
				value = decimal.stripTrailingZeros().scale() <= 0 ? decimal.toBigInteger() : decimal;
			}
			record.put(fields.get(i).id(), value);
		}
		return record;
	}

	/** Row count of the resource's table. */
	@Transactional(readOnly = true)
	long count(Table table) {
		return jdbc.queryForObject("select count(*) from " + table.qualified(), Long.class);
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof String s) {
			return s;
		}
		if (value instanceof Map<?, ?> || value instanceof List<?>) {
			return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(value);
		}
		return String.valueOf(value);
	}

	/** PostgreSQL's own message (e.g. invalid input syntax for type integer: "abc"), without the SQL. */
	static String message(DataAccessException e) {
		Throwable root = e.getMostSpecificCause();
		String text = root.getMessage() == null ? e.getMessage() : root.getMessage();
		text = text.replaceFirst("^ERROR: ", "");
		int line = text.indexOf('\n');
		return line < 0 ? text : text.substring(0, line);
	}
}
