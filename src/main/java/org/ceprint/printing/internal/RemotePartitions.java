package org.ceprint.printing.internal;

import org.ceprint.printing.internal.PrintingProperties.Remote;

import org.springframework.amqp.AmqpException;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The manager's end of remote partitioning, present when
 * {@code ceprint.printing.remote.enabled} is set: makes the partition handler of each
 * by-city step, and sends partition requests into the Spring Integration flow that
 * publishes them on the broker's queue ({@link RemotePrintingConfiguration}).
 */
class RemotePartitions {

	private final MessagingTemplate messaging = new MessagingTemplate();

	private final MessageChannel requests;

	private final JobRepository jobRepository;

	private final PartitionLeases leases;

	private final Remote settings;

	RemotePartitions(MessageChannel requests, JobRepository jobRepository, PartitionLeases leases, Remote settings) {
		this.requests = requests;
		this.jobRepository = jobRepository;
		this.leases = leases;
		this.settings = settings;
	}

	PartitionHandler handler(String chunkStepName) {
		return new RemotePartitionHandler(chunkStepName, this, this.jobRepository, this.leases, this.settings,
				System::nanoTime);
	}

	void send(PartitionRequest request) {
		try {
			this.messaging.send(this.requests, MessageBuilder.withPayload(request.toJson()).build());
		}
		catch (MessagingException | AmqpException ex) {
			throw new BrokerUnreachableException(this.settings.brokerAddresses(), ex);
		}
	}

	/** The broker did not take a partition request. */
	static class BrokerUnreachableException extends RuntimeException {

		BrokerUnreachableException(String addresses, Throwable cause) {
			super("无法把分区发往消息服务器 RabbitMQ（%s）：请确认其已启动且 ceprint.printing.remote.broker-* 设置正确，然后用 print resume 续打"
				.formatted(addresses), cause);
		}

	}

}
