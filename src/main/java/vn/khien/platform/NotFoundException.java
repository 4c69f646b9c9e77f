package vn.khien.platform;

/**
 * A record that does not exist or lies outside the caller's scope: both answer 404 alike.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}

}
