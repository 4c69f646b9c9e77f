package vn.khien;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements a piece of work sends, for tests that prove work does not
 * grow per record. The shared test context's DataSource is wrapped once (see
 * {@link KhienTest}); counting is per thread, and off unless a test asks, so background
 * work (the job queue polling, other requests) never adds to a count.
 */
public class SqlStatements implements BeanPostProcessor {

	private static final ThreadLocal<long[]> COUNTER = new ThreadLocal<>();

	private static final Set<String> STATEMENTS = Set.of("prepareStatement", "prepareCall", "createStatement");

	/**
	 * The statements {@code work} prepares on this thread (a batch is one statement,
	 * however many rows it has).
	 */
	public static long during(Runnable work) {
		long[] count = { 0 };
		long[] outer = COUNTER.get();
		COUNTER.set(count);
		try {
			work.run();
		}
		finally {
			if (outer == null) {
				COUNTER.remove();
			}
			else {
				outer[0] += count[0];
				COUNTER.set(outer);
			}
		}
		return count[0];
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
			return proxy(DataSource.class, dataSource, (self, method, args) -> {
				Object result = call(method, dataSource, args, self);
				return result instanceof Connection connection && method.getName().equals("getConnection")
						? counting(connection) : result;
			});
		}
		return bean;
	}

	private static Connection counting(Connection connection) {
		return proxy(Connection.class, connection, (self, method, args) -> {
			long[] count = COUNTER.get();
			if (count != null && STATEMENTS.contains(method.getName())) {
				count[0]++;
			}
			return call(method, connection, args, self);
		});
	}

	private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
		return type
			.cast(Proxy.newProxyInstance(SqlStatements.class.getClassLoader(), new Class<?>[] { type }, handler));
	}

	/**
	 * Delegates, keeping identity for equals/hashCode and answering unwrap for the
	 * wrapper itself.
	 */
	private static Object call(Method method, Object target, Object[] args, Object self) throws Throwable {
		switch (method.getName()) {
			case "equals" -> {
				return self == args[0];
			}
			case "hashCode" -> {
				return System.identityHashCode(self);
			}
			case "unwrap" -> {
				if (((Class<?>) args[0]).isInstance(self)) {
					return self;
				}
			}
			case "isWrapperFor" -> {
				if (((Class<?>) args[0]).isInstance(self)) {
					return true;
				}
			}
			default -> {
			}
		}
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
