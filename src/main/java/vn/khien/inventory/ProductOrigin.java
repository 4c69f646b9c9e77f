package vn.khien.inventory;

/** Whether a product is made in Viet Nam. */
public enum ProductOrigin {

	DOMESTIC, FOREIGN

}
