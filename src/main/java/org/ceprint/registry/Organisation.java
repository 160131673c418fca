package org.ceprint.registry;

/**
 * A registering body: a professional's unit (所在单位) or a continuing-education base
 * (继续教育基地), with the HRSS office of its channel and, for units, the supervising
 * department.
 */
public record Organisation(long id, Kind kind, String name, String creditCode, String channelCode,
		String channelOfficeName, String departmentName, Long departmentId) {

	public enum Kind {

		UNIT("所在单位"), BASE("继续教育基地");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
