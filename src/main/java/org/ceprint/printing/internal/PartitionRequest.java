package org.ceprint.printing.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the manager of a remote run sends a worker, as JSON text: the partition's chunk
 * step and step execution in the shared job repository (as Spring Batch's
 * {@code StepExecutionRequest}), and which sending of the partition this is, so that a
 * worker takes only the newest ({@link PartitionLeases#take}).
 */
record PartitionRequest(String stepName, long stepExecutionId, int dispatch) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	String toJson() {
		return JSON.writeValueAsString(this);
	}

	/**
	 * @throws IllegalArgumentException for a message that is not a partition request
	 */
	static PartitionRequest fromJson(String json) {
		try {
			PartitionRequest request = JSON.readValue(json, PartitionRequest.class);
			if (request.stepName() == null || request.stepExecutionId() <= 0 || request.dispatch() <= 0) {
				throw new IllegalArgumentException("incomplete partition request");
			}
			return request;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not a partition request", ex);
		}
	}

}
