package vn.khien.monitoring.sharing;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the SOC shares its alerts ({@code khien.monitoring.sharing.*}).
 *
 * @param producer the SOC's name, the author of every object it shares
 * @param maxPage most objects a TAXII page holds (default 1000; a client asks fewer with
 * limit)
 */
@ConfigurationProperties("khien.monitoring.sharing")
public record SharingSettings(@Nullable String producer, @Nullable Integer maxPage) {

	public String producerName() {
		return producer == null || producer.isBlank() ? "Trung tâm Giám sát an toàn thông tin tỉnh" : producer.strip();
	}

	public int pageLimit() {
		return maxPage == null || maxPage <= 0 ? 1000 : maxPage;
	}

}
