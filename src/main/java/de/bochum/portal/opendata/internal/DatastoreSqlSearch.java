package de.bochum.portal.opendata.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import de.bochum.portal.opendata.internal.CkanActionController.CkanError;
import de.bochum.portal.platform.InstallationSecrets;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * CKAN's {@code datastore_search_sql}: one SELECT over the datastore tables of public datasets.
 *
 * <p>Three locks, each enough for most mistakes of the others: {@link DatastoreSql} admits one
 * SELECT that calls only reading functions; the statement runs under its own database login (as
 * CKAN's read URL) that may read the tables of public datasets and nothing else, so that even SQL
 * built at run time (e.g. by a function the check missed) reaches no more than that; and the
 * transaction is read-only, with a statement timeout and a row limit. {@code SET ROLE} on the
 * application's own connection would not do: the session could switch back.
 *
 * <p>The login's grants follow visibility: they are brought in line with the catalogue before each
 * query (and the tables a query reads are checked once more against it), so a dataset made private
 * is out of reach from its next query on. Private datasets are not queryable with SQL, also not
 * with an API token; {@code datastore_search} serves them.
 */
@Component
class DatastoreSqlSearch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DatastoreSqlSearch.class);

	/** Serialises grant changes of concurrent instances (PostgreSQL refuses concurrent updates of one ACL). */
	private static final long GRANT_LOCK = 0x6461746173746f72L;

	private final DataSource appDataSource;
	private final DatastoreActions owners;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final InstallationSecrets secrets;
	private final ObjectMapper json;
	private final boolean enabled;
	private final String configuredUser;
	private final String configuredPassword;
	private final String configuredUrl;
	private final Duration timeout;
	private final int maxRows;
	private final int poolSize;

	private volatile Reader reader;
	private volatile String unavailable;

	/** The login and its connections, once set up. */
	private record Reader(String role, HikariDataSource connections) {
	}

	DatastoreSqlSearch(DataSource appDataSource, DatastoreActions owners, JdbcClient jdbc,
			PlatformTransactionManager transactionManager,
			InstallationSecrets secrets, ObjectMapper json,
			@Value("${portal.opendata.datastore.sql.enabled:true}") boolean enabled,
			@Value("${portal.opendata.datastore.sql.reader-username:}") String configuredUser,
			@Value("${portal.opendata.datastore.sql.reader-password:}") String configuredPassword,
			@Value("${portal.opendata.datastore.sql.reader-url:}") String configuredUrl,
			@Value("${portal.opendata.datastore.sql.statement-timeout:PT5S}") Duration timeout,
			@Value("${portal.opendata.datastore.sql.max-rows:32000}") int maxRows,
			@Value("${portal.opendata.datastore.sql.pool-size:4}") int poolSize) {
		this.appDataSource = appDataSource;
		this.owners = owners;
		this.jdbc = jdbc;
		// Grants must be committed before the reader's own connection runs the query, also when the
		// action is called inside a transaction.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.secrets = secrets;
		this.json = json;
		this.enabled = enabled;
		this.configuredUser = configuredUser;
		this.configuredPassword = configuredPassword;
		this.configuredUrl = configuredUrl;
		this.timeout = timeout;
		this.maxRows = maxRows;
		this.poolSize = poolSize;
	}

	Map<String, Object> search(String sql) {
		DatastoreSql.Checked checked;
		try {
			checked = DatastoreSql.check(sql);
		}
		catch (DatastoreSql.Refused refused) {
			throw refusal(refused);
		}
		Reader r = reader();
		syncGrants(r.role());
		try (Connection connection = r.connections().getConnection()) {
			connection.setAutoCommit(false);
			try {
				try (Statement settings = connection.createStatement()) {
					settings.execute("set transaction read only");
					settings.execute("set local statement_timeout = " + Math.max(1, timeout.toMillis()));
					settings.execute("set local search_path = " + Datastore.SCHEMA);
				}
				checkTables(connection, checked.sql());
				return run(connection, checked.sql(), sql);
			}
			finally {
				// The driver closes the connection when it refuses an oversized row.
				if (!connection.isClosed()) {
					connection.rollback();
				}
			}
		}
		catch (SQLTransientConnectionException busy) {
			throw new CkanError(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
					"All connections for SQL queries are busy; please try again shortly");
		}
		catch (SQLException failed) {
			throw translated(failed);
		}
	}

	/**
	 * What one answer may hold in memory (characters of values), beside the row limit: a few rows
	 * of long texts built by the query itself must not fill the portal's heap either. The driver
	 * refuses larger single rows before reading them ({@code maxResultBuffer}).
	 */
	static final long MAX_RESULT_CHARS = 20_000_000;

	private static CkanError tooLarge() {
		return CkanError.validation(Map.of("query", List.of("The result is larger than 20 MB; ask for fewer rows or"
				+ " columns (LIMIT) or shorter values")));
	}

	private static CkanError refusal(DatastoreSql.Refused refused) {
		return refused.authorization ? CkanError.denied(refused.getMessage())
				: CkanError.validation(Map.of("query", List.of(refused.getMessage())));
	}

	/** PostgreSQL's refusal as CKAN words it: no right is 403, a cancelled query and anything else 409. */
	private static CkanError translated(SQLException failed) {
		String state = failed.getSQLState() == null ? "" : failed.getSQLState();
		String message = failed.getMessage() == null ? "" : failed.getMessage().replaceFirst("^ERROR: ", "");
		message = message.lines().findFirst().orElse(message);
		if (message.contains("maxResultBuffer")) {
			return tooLarge();
		}
		return switch (state) {
			case "42501" -> CkanError.denied(message + " (only the datastore tables of public datasets can be queried)");
			case "57014" -> CkanError.validation(Map.of("query", List.of("Query took too long")));
			default -> CkanError.validation(Map.of("query", List.of(message)));
		};
	}

	/**
	 * The tables the plan reads must be datastore tables of public datasets: a second opinion on the
	 * grants, which could lag behind a change made a moment ago. EXPLAIN also fails for tables the
	 * login may not read at all.
	 */
	private void checkTables(Connection connection, String sql) throws SQLException {
		String plan;
		try (Statement explain = connection.createStatement();
				ResultSet rs = explain.executeQuery("explain (verbose, format json) " + sql)) {
			rs.next();
			plan = rs.getString(1);
		}
		Set<String> tables = new LinkedHashSet<>();
		relations(json.readTree(plan), tables);
		for (String table : tables) {
			String schema = table.substring(0, table.indexOf('.'));
			String name = table.substring(table.indexOf('.') + 1);
			Optional<UUID> resource = resourceOf(name);
			if (!schema.equals(Datastore.SCHEMA) || resource.isEmpty()) {
				throw CkanError.denied("Not authorized to read table " + table
						+ " (only the datastore tables of public datasets can be queried)");
			}
			if (!owners.owner(resource.get().toString()).map(DatastoreActions.Owner::visibleToAll).orElse(false)) {
				throw CkanError.denied("Not authorized to read resource " + resource.get());
			}
		}
	}

	private static Optional<UUID> resourceOf(String tableName) {
		if (!tableName.startsWith("r_")) {
			return Optional.empty();
		}
		return Catalogue.parseUuid(tableName.substring(2).replace('_', '-'));
	}

	private static void relations(JsonNode node, Set<String> into) {
		if (node == null) {
			return;
		}
		if (node.isObject()) {
			if (node.has("Relation Name")) {
				into.add(node.path("Schema").asString("") + "." + node.get("Relation Name").asString());
			}
			node.properties().forEach(e -> relations(e.getValue(), into));
		}
		else if (node.isArray()) {
			node.forEach(child -> relations(child, into));
		}
	}

	private Map<String, Object> run(Connection connection, String rewritten, String asGiven) throws SQLException {
		List<Map<String, Object>> fields = new ArrayList<>();
		List<Map<String, Object>> records = new ArrayList<>();
		boolean truncated = false;
		try (Statement query = connection.createStatement()) {
			query.setMaxRows(maxRows + 1);
			query.setFetchSize(1000);
			try (ResultSet rs = query.executeQuery(rewritten)) {
				ResultSetMetaData meta = rs.getMetaData();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					Map<String, Object> field = new LinkedHashMap<>();
					field.put("id", meta.getColumnLabel(i));
					field.put("type", meta.getColumnTypeName(i));
					fields.add(field);
				}
				long size = 0;
				while (rs.next()) {
					if (records.size() == maxRows) {
						truncated = true;
						break;
					}
					Map<String, Object> record = new LinkedHashMap<>();
					for (int i = 1; i <= meta.getColumnCount(); i++) {
						Object value = Datastore.jsonValue(rs.getObject(i));
						size += value instanceof String text ? text.length() : 16;
						record.put(meta.getColumnLabel(i), value);
					}
					if (size > MAX_RESULT_CHARS) {
						throw tooLarge();
					}
					records.add(record);
				}
			}
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("sql", asGiven);
		result.put("records", records);
		result.put("fields", fields);
		if (truncated) {
			result.put("records_truncated", true);
		}
		return result;
	}

	/**
	 * Grants SELECT on the tables of public datasets and revokes it on all others (private,
	 * deleted, no longer a resource), in one pass over the datastore schema.
	 */
	private void syncGrants(String role) {
		// The usual case, nothing changed since the last query, costs one read and no lock.
		if (grantsOutOfStep(role).isEmpty()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(GRANT_LOCK).query(Integer.class).single();
			for (GrantChange change : grantsOutOfStep(role)) {
				String table = Datastore.SCHEMA + "." + Datastore.quoted(change.table());
				jdbc.sql(change.grant() ? "grant select on " + table + " to " + Datastore.quoted(role)
						: "revoke all on " + table + " from " + Datastore.quoted(role)).update();
			}
		});
	}

	/** A table whose grant differs from its dataset's visibility: grant if public, else revoke. */
	private record GrantChange(String table, boolean grant) {
	}

	private List<GrantChange> grantsOutOfStep(String role) {
		return jdbc.sql("""
				select relname, visible from (
				  select c.relname, coalesce(not d.is_private and d.state = 'active', false) as visible,
				         has_table_privilege(cast(? as name), c.oid, 'select') as granted
				  from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = ?
				  left join opendata_datastore ds on ds.table_name = c.relname
				  left join opendata_resource r on r.id = ds.resource_id
				  left join opendata_dataset d on d.id = r.dataset_id
				  where c.relkind in ('r', 'p', 'v', 'm', 'f')) t
				where visible <> granted""")
			.params(role, Datastore.SCHEMA)
			.query((rs, i) -> new GrantChange(rs.getString(1), rs.getBoolean(2)))
			.list();
	}

	private Reader reader() {
		Reader current = reader;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			if (reader == null && unavailable == null) {
				try {
					reader = setUp();
				}
				catch (RuntimeException | SQLException failed) {
					log.warn("datastore_search_sql ist nicht verfügbar: {}", failed.getMessage());
					unavailable = failed.getMessage();
				}
			}
			if (reader == null) {
				throw new CkanError(HttpStatus.BAD_REQUEST, "Bad Request",
						"Bad request - datastore_search_sql is not available on this portal"
								+ (enabled ? ": the database has no read-only login for it" : ""));
			}
			return reader;
		}
	}

	/**
	 * The login: the one an operator configured, or one the portal creates when its own login may
	 * create roles (the embedded database, or CREATEROLE). Its password is an installation secret,
	 * so every instance sets and uses the same.
	 */
	private Reader setUp() throws SQLException {
		if (!enabled) {
			throw new IllegalStateException("switched off (portal.opendata.datastore.sql.enabled=false)");
		}
		String url;
		try (Connection app = appDataSource.getConnection()) {
			url = StringUtils.hasText(configuredUrl) ? configuredUrl : withoutCredentials(app.getMetaData().getURL());
		}
		String database = jdbc.sql("select current_database()").query(String.class).single();
		String role;
		String password;
		if (StringUtils.hasText(configuredUser)) {
			role = configuredUser;
			password = configuredPassword;
		}
		else {
			role = ("portal_reader_" + database.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_"));
			role = role.substring(0, Math.min(63, role.length()));
			password = HexFormat.of().formatHex(secrets.secret("datastore-reader"));
			createRole(role, password);
		}
		String grantee = Datastore.quoted(role);
		transactions.executeWithoutResult(status -> {
			jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(GRANT_LOCK).query(Integer.class).single();
			jdbc.sql("grant connect on database " + Datastore.quoted(database) + " to " + grantee).update();
			jdbc.sql("grant usage on schema " + Datastore.SCHEMA + " to " + grantee).update();
		});
		HikariDataSource connections = new HikariDataSource();
		connections.setJdbcUrl(url);
		connections.setUsername(role);
		connections.setPassword(password);
		connections.setMaximumPoolSize(poolSize);
		connections.setMinimumIdle(0);
		connections.setConnectionTimeout(10_000);
		connections.setPoolName("datastore-sql");
		connections.setReadOnly(true);
		connections.addDataSourceProperty("maxResultBuffer", "48M");
		try (Connection probe = connections.getConnection(); Statement s = probe.createStatement();
				ResultSet rs = s.executeQuery("select rolsuper or rolcreaterole or rolbypassrls from pg_roles where rolname = current_user")) {
			if (rs.next() && rs.getBoolean(1)) {
				connections.close();
				throw new IllegalStateException("the login " + role + " has more than reading rights");
			}
		}
		catch (SQLException | RuntimeException failed) {
			connections.close();
			throw failed;
		}
		log.info("datastore_search_sql liest als {} (nur Tabellen öffentlicher Datensätze)", role);
		return new Reader(role, connections);
	}

	private void createRole(String role, String password) {
		boolean mayCreate = jdbc.sql("select rolsuper or rolcreaterole from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single();
		if (!mayCreate) {
			throw new IllegalStateException("the portal's database login may not create roles; configure "
					+ "portal.opendata.datastore.sql.reader-username and -password (see docs/operations.md)");
		}
		transactions.executeWithoutResult(status -> {
			jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(GRANT_LOCK).query(Integer.class).single();
			boolean exists = jdbc.sql("select count(*) > 0 from pg_roles where rolname = ?").param(role).query(Boolean.class).single();
			String name = Datastore.quoted(role);
			// The password is hex; no quoting question arises.
			jdbc.sql((exists ? "alter role " : "create role ") + name + " login nosuperuser nocreatedb nocreaterole"
					+ " noreplication nobypassrls noinherit connection limit " + (poolSize * 8) + " password '" + password + "'")
				.update();
			jdbc.sql("alter role " + name + " set default_transaction_read_only = on").update();
			jdbc.sql("alter role " + name + " set statement_timeout = " + Math.max(1, timeout.toMillis())).update();
		});
	}

	/** The server address without credentials in the URL, which would override the reader's own. */
	static String withoutCredentials(String url) {
		int q = url.indexOf('?');
		if (q < 0) {
			return url;
		}
		List<String> kept = new ArrayList<>();
		for (String part : url.substring(q + 1).split("&")) {
			String key = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
			if (!key.equalsIgnoreCase("user") && !key.equalsIgnoreCase("password") && !part.isEmpty()) {
				kept.add(part);
			}
		}
		return url.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
	}

	@Override
	public void destroy() {
		Reader current = reader;
		if (current != null) {
			current.connections().close();
		}
	}
}
