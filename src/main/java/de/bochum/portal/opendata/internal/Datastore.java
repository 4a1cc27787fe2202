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
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

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
	 * Replaces the resource's table with rows streamed from a loader, through PostgreSQL's COPY in
	 * its text format: values already in PostgreSQL's input syntax, {@code _id} counted here, the
	 * primary key added afterwards (one index build instead of a million inserts into it). The
	 * full-text index is left to {@link #indexFullText(Table)} so that the rows are queryable sooner.
	 * Runs in the caller's transaction; an exception from the rows cancels the COPY.
	 */
	record Loaded(Table table, long rows) {
	}

	Loaded load(UUID resourceId, List<Field> fields, Consumer<CsvTable.RowSink> rows, LongConsumer progress) {
		drop(resourceId);
		Set<String> seen = new HashSet<>();
		for (Field f : fields) {
			if (!seen.add(checkedId(f.id()))) {
				throw new Invalid("fields", "Duplicate field name: " + f.id());
			}
		}
		String name = tableName(resourceId);
		String qualified = SCHEMA + "." + name;
		jdbc.execute("create table " + qualified + " (_id bigserial, "
				+ fields.stream().map(f -> quoted(f.id()) + " " + f.type().sql).collect(Collectors.joining(", ")) + ")");
		String columns = fields.stream().map(f -> quoted(f.id())).collect(Collectors.joining(", "));
		Connection connection = DataSourceUtils.getConnection(dataSource);
		long[] count = { 0, 0 };
		try {
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + qualified + " (_id, " + columns + ") from stdin with (freeze)");
			StringBuilder chunk = new StringBuilder(1 << 17);
			try {
				rows.accept((line, values) -> {
					chunk.append(++count[0]);
					for (String value : values) {
						chunk.append('\t');
						appendCopyText(chunk, value);
					}
					chunk.append('\n');
					if (chunk.length() >= 1 << 16) {
						flush(copy, chunk);
						if (count[0] - count[1] >= PROGRESS_EVERY) {
							count[1] = count[0];
							progress.accept(count[0]);
						}
					}
				});
				flush(copy, chunk);
				copy.endCopy();
			}
			catch (RuntimeException | SQLException stopped) {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
				throw stopped;
			}
		}
		catch (SQLException | CopyFailed bad) {
			String message = bad.getMessage() == null ? "COPY failed" : bad.getMessage().replaceFirst("^ERROR: ", "");
			throw new Invalid("records", message.lines().findFirst().orElse(message));
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		jdbc.execute("alter table " + qualified + " add primary key (_id)");
		jdbc.execute("select setval(pg_get_serial_sequence('" + qualified + "', '_id'), greatest(" + count[0] + ", 1), "
				+ (count[0] > 0) + ")");
		jdbc.update("""
				insert into opendata_datastore (resource_id, table_name, status, loaded_rows, updated)
				values (?, ?, 'active', ?, now())
				on conflict (resource_id) do update set primary_key = null, status = 'active', report = '',
				loaded_rows = excluded.loaded_rows, updated = now()""", resourceId, name, count[0]);
		progress.accept(count[0]);
		return new Loaded(table(resourceId).orElseThrow(), count[0]);
	}

	static final int PROGRESS_EVERY = 50_000;

	private static void flush(CopyIn copy, StringBuilder chunk) {
		if (chunk.length() == 0) {
			return;
		}
		byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
		chunk.setLength(0);
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException bad) {
			throw new CopyFailed(bad);
		}
	}

	/** A COPY that PostgreSQL broke off while rows were still being sent. */
	static final class CopyFailed extends RuntimeException {

		CopyFailed(SQLException cause) {
			super(cause.getMessage(), cause);
		}
	}

	/** COPY's text format: backslash escapes for the delimiter, line ends and backslash; NUL cannot be stored. */
	private static void appendCopyText(StringBuilder out, String value) {
		if (value == null) {
			out.append("\\N");
			return;
		}
		for (int i = 0, n = value.length(); i < n; i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\0' -> {
				}
				default -> out.append(c);
			}
		}
	}

	/**
	 * The German full text of a table's text columns, as an expression PostgreSQL can index (only
	 * immutable functions: {@code concat_ws} and casts of dates are not). A table without text
	 * columns is searched over all its values, without an index.
	 */
	static String fullText(Table table) {
		List<Field> texts = table.fields().stream().filter(f -> f.type() == FieldType.TEXT).toList();
		if (texts.isEmpty()) {
			return "to_tsvector('german', concat_ws(' ', "
					+ table.fields().stream().map(f -> quoted(f.id()) + "::text").collect(Collectors.joining(", ")) + "))";
		}
		return "to_tsvector('german'::regconfig, "
				+ texts.stream().map(f -> "coalesce(" + quoted(f.id()) + ", '')").collect(Collectors.joining(" || ' ' || "))
				+ ")";
	}

	/**
	 * After a bulk load: the full-text index, a B-tree per column (filters and sort on any column
	 * of a large table) and fresh planner statistics.
	 */
	void indexForSearch(Table table) {
		indexFullText(table);
		for (int i = 0; i < table.fields().size() && i < MAX_COLUMN_INDEXES; i++) {
			jdbc.execute("create index " + table.name() + "_c" + i + " on " + table.qualified() + " ("
					+ quoted(table.fields().get(i).id()) + ")");
		}
		jdbc.execute("analyze " + table.qualified());
	}

	static final int MAX_COLUMN_INDEXES = 32;

	/** For measuring {@link #indexForSearch}: removes what it built. */
	void dropSearchIndexes(Table table) {
		for (int i = 0; i < MAX_COLUMN_INDEXES; i++) {
			jdbc.execute("drop index if exists " + SCHEMA + "." + table.name() + "_c" + i);
		}
		jdbc.execute("drop index if exists " + SCHEMA + "." + table.name() + "_ft");
	}

	/** (Re)builds the GIN index behind {@code q}; after a bulk load, or when columns were added. */
	void indexFullText(Table table) {
		jdbc.execute("drop index if exists " + SCHEMA + "." + table.name() + "_ft");
		if (table.fields().stream().anyMatch(f -> f.type() == FieldType.TEXT)) {
			jdbc.execute("create index " + table.name() + "_ft on " + table.qualified() + " using gin ((" + fullText(table) + "))");
		}
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
			Table widened = table(resourceId).orElseThrow();
			if (widened.fields().size() != t.fields().size()) {
				indexFullText(widened);
			}
			return widened;
		}
		if (fields.isEmpty()) {
			throw new Invalid("fields", "Fields are required to create a table");
		}
		String name = tableName(resourceId);
		String columns = fields.stream().map(f -> quoted(f.id()) + " " + f.type().sql).collect(Collectors.joining(", "));
		jdbc.execute("create table " + SCHEMA + "." + name + " (_id bigserial primary key, " + columns + ")");
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
		Table created = table(resourceId).orElseThrow();
		indexFullText(created);
		return created;
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
					+ ") on conflict (" + keys + ") do " + (nonKeys.isEmpty() ? "nothing" : "update set "
					+ nonKeys.stream().map(f -> quoted(f.id()) + " = excluded." + quoted(f.id())).collect(Collectors.joining(", ")));
			given.forEach(f -> args.add(text(record.get(f.id()))));
		}
		else {
			List<Field> nonKeys = given.stream().filter(f -> !table.primaryKey().contains(f.id())).toList();
			sql = "update " + table.qualified() + " set "
					+ (nonKeys.isEmpty() ? "_id = _id" : nonKeys.stream().map(f -> quoted(f.id()) + " = cast(? as " + f.type().sql + ")").collect(Collectors.joining(", ")))
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
		List<Field> chosen = chosen(table, query);
		List<Object> args = new ArrayList<>();
		String select = select(table, query, chosen, args);
		try {
			List<Object> pageArgs = new ArrayList<>(args);
			pageArgs.add(query.limit());
			pageArgs.add(query.offset());
			List<Map<String, Object>> records = jdbc.query(select + order(table, query) + " limit ? offset ?",
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

	/**
	 * Every record the query selects (its limit and offset ignored), one at a time, read through a
	 * cursor so that a download of a large table is never held in memory.
	 */
	@Transactional(readOnly = true)
	void each(Table table, Query query, Consumer<List<Field>> header, Consumer<Map<String, Object>> each) {
		List<Field> chosen = chosen(table, query);
		List<Object> args = new ArrayList<>();
		String sql = select(table, query, chosen, args) + order(table, query);
		header.accept(chosen);
		try {
			jdbc.query(connection -> {
				PreparedStatement statement = connection.prepareStatement(sql);
				statement.setFetchSize(1000);
				for (int i = 0; i < args.size(); i++) {
					statement.setObject(i + 1, args.get(i));
				}
				return statement;
			}, (ResultSet rs) -> {
				each.accept(record(rs, chosen));
			});
		}
		catch (DataAccessException bad) {
			throw new Invalid("filters", message(bad));
		}
	}

	private static List<Field> chosen(Table table, Query query) {
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
		return chosen;
	}

	private static String select(Table table, Query query, List<Field> chosen, List<Object> args) {
		String where = where(table, query.filters(), query.q(), args);
		String columns = chosen.stream()
			.map(f -> f.id().equals("_id") ? "_id" : quoted(f.id()))
			.collect(Collectors.joining(", "));
		return "select " + (query.distinct() ? "distinct " : "") + columns + " from " + table.qualified() + where;
	}

	private static String order(Table table, Query query) {
		return query.sort().isEmpty() ? (query.distinct() ? "" : " order by _id")
				: " order by " + query.sort().stream().map(s -> {
					if (!s.field().equals("_id") && table.field(s.field()).isEmpty()) {
						throw new Invalid("sort", "Unknown field in sort: " + s.field());
					}
					return (s.field().equals("_id") ? "_id" : quoted(s.field())) + (s.descending() ? " desc" : " asc");
				}).collect(Collectors.joining(", "));
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
			// Compared in the column's own type, so that its index serves; a value of the wrong type is a Validation Error.
			String type = id.equals("_id") ? "bigint" : table.field(id).orElseThrow().type().sql;
			conditions.add(column + " in (" + values.stream().map(v -> "cast(? as " + type + ")").collect(Collectors.joining(", ")) + ")");
			args.addAll(values);
		});
		if (q != null && !q.isBlank()) {
			conditions.add(fullText(table) + " @@ plainto_tsquery('german', ?)");
			args.add(q);
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static Map<String, Object> record(ResultSet rs, List<Field> fields) throws SQLException {
		Map<String, Object> record = new LinkedHashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			record.put(fields.get(i).id(), jsonValue(rs.getObject(i + 1)));
		}
		return record;
	}

	/** A value from PostgreSQL as CKAN writes it in JSON: ISO dates, whole numbers without ".0", arrays as lists. */
	static Object jsonValue(Object value) throws SQLException {
		if (value instanceof java.sql.Timestamp ts) {
			return ts.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().toString();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros().scale() <= 0 ? decimal.toBigInteger() : decimal;
		}
		if (value instanceof java.sql.Array array) {
			List<Object> items = new ArrayList<>();
			for (Object item : (Object[]) array.getArray()) {
				items.add(jsonValue(item));
			}
			return items;
		}
		if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
			return value;
		}
		// json, interval, time and other types: their text, as PostgreSQL writes them
		return value.toString();
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
