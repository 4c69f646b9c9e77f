package vn.khien.inventory;

/** The highest state-secret grade a system handles: Mật, Tối mật, Tuyệt mật. */
public enum StateSecretGrade {

	NONE, CONFIDENTIAL, SECRET, TOP_SECRET

}
