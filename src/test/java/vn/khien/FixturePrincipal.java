package vn.khien;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.util.ReflectionUtils;

import vn.khien.platform.SystemPrincipal;

/**
 * The application fails closed: a service called with nobody signed in sees nothing and
 * may change nothing. Tests that set up data by calling services directly do it as a
 * named system principal: each {@code vn.khien} service injected into a test is wrapped
 * so that a call made with no principal runs as {@link #FIXTURES}. Requests through
 * MockMvc are not made through these wrappers and carry only their own credentials; a
 * test that sets its own principal keeps it.
 */
public class FixturePrincipal extends AbstractTestExecutionListener {

	public static final SystemPrincipal FIXTURES = SystemPrincipal.of("test-fixtures",
			SystemPrincipal.Permission.READ_PROVINCE, SystemPrincipal.Permission.WRITE_PROVINCE);

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100; // after dependency injection
	}

	@Override
	public void prepareTestInstance(TestContext context) {
		Object test = context.getTestInstance();
		ReflectionUtils.doWithFields(test.getClass(), field -> wrap(test, field), FixturePrincipal::isService);
	}

	private static boolean isService(Field field) {
		Class<?> type = field.getType();
		return !Modifier.isStatic(field.getModifiers()) && type.getPackageName().startsWith("vn.khien")
				&& !type.getPackageName().equals("vn.khien") && !type.isRecord() && !type.isInterface()
				&& !Modifier.isFinal(type.getModifiers()) && !type.isEnum();
	}

	private static void wrap(Object test, Field field) {
		ReflectionUtils.makeAccessible(field);
		Object bean = ReflectionUtils.getField(field, test);
		if (bean == null || !field.getType().isInstance(bean) || isWrapped(bean)) {
			return;
		}
		ReflectionUtils.setField(field, test, wrap(bean));
	}

	/** The bean, called as {@link #FIXTURES} whenever nobody else is signed in. */
	@SuppressWarnings("unchecked")
	public static <T> T wrap(T bean) {
		if (isWrapped(bean)) {
			return bean;
		}
		var factory = new ProxyFactory(bean);
		factory.setProxyTargetClass(true);
		factory.addInterface(Wrapped.class);
		factory.addAdvice((MethodInterceptor) invocation -> {
			if (invocation.getMethod().getDeclaringClass() == Wrapped.class) {
				return null;
			}
			if (SecurityContextHolder.getContext().getAuthentication() != null) {
				return invocation.proceed();
			}
			try {
				return FIXTURES.call(() -> {
					try {
						return invocation.proceed();
					}
					catch (RuntimeException | Error ex) {
						throw ex;
					}
					catch (Throwable ex) {
						throw new WrappedException(ex);
					}
				});
			}
			catch (WrappedException ex) {
				throw ex.getCause();
			}
		});
		return (T) factory.getProxy();
	}

	private static boolean isWrapped(Object bean) {
		return bean instanceof Wrapped || (AopUtils.isAopProxy(bean) && bean instanceof Wrapped);
	}

	/** Marks a wrapper, so a test instance is not wrapped twice. */
	public interface Wrapped {

	}

	private static final class WrappedException extends RuntimeException {

		WrappedException(Throwable cause) {
			super(cause);
		}

	}

}
