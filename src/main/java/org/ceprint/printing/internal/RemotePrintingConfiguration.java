package org.ceprint.printing.internal;

import java.time.Clock;

import org.ceprint.printing.internal.PrintingProperties.Remote;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * Remote partitioning of print runs over RabbitMQ, with Spring Integration AMQP: present
 * only when {@code ceprint.printing.remote.enabled} is set ({@code print --remote},
 * {@code worker}), so that a run in one process, the default, never connects to a broker.
 * The manager publishes partition requests on a durable queue; each worker consumes them
 * one at a time per consumer and acknowledges a request once its partition has ended, so
 * that the broker hands the request of a worker that dies to another.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("ceprint.printing.remote.enabled")
@EnableIntegration
class RemotePrintingConfiguration {

	@Bean
	CachingConnectionFactory printBrokerConnectionFactory(PrintingProperties properties) {
		Remote remote = properties.remote();
		CachingConnectionFactory connectionFactory = new CachingConnectionFactory();
		connectionFactory.setAddresses(remote.brokerAddresses());
		connectionFactory.setUsername(remote.brokerUsername());
		connectionFactory.setPassword(remote.brokerPassword());
		connectionFactory.setVirtualHost(remote.brokerVirtualHost());
		return connectionFactory;
	}

	@Bean
	Queue printPartitionQueue(PrintingProperties properties) {
		return new Queue(properties.remote().queue(), true);
	}

	@Bean
	RabbitAdmin printBrokerAdmin(CachingConnectionFactory printBrokerConnectionFactory) {
		return new RabbitAdmin(printBrokerConnectionFactory);
	}

	@Bean
	RabbitTemplate printBrokerTemplate(CachingConnectionFactory printBrokerConnectionFactory) {
		return new RabbitTemplate(printBrokerConnectionFactory);
	}

	@Bean
	DirectChannel printPartitionRequests() {
		return new DirectChannel();
	}

	/** The manager's requests, published on the queue through the default exchange. */
	@Bean
	IntegrationFlow printPartitionRequestFlow(DirectChannel printPartitionRequests, RabbitTemplate printBrokerTemplate,
			PrintingProperties properties) {
		return IntegrationFlow.from(printPartitionRequests)
			.handle(Amqp.outboundAdapter(printBrokerTemplate).routingKey(properties.remote().queue()))
			.get();
	}

	@Bean
	RemotePartitions remotePartitions(DirectChannel printPartitionRequests, JobRepository jobRepository,
			PartitionLeases leases, PrintingProperties properties) {
		return new RemotePartitions(printPartitionRequests, jobRepository, leases, properties.remote());
	}

	/** The worker's end, with {@code ceprint.printing.remote.worker} set. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("ceprint.printing.remote.worker")
	static class Worker {

		@Bean
		PartitionWorker partitionWorker(JobRepository jobRepository, DocumentSteps documentSteps,
				PartitionLeases leases, Clock clock) {
			return new PartitionWorker(jobRepository, documentSteps, leases, clock);
		}

		@Bean
		SimpleMessageListenerContainer printPartitionListener(CachingConnectionFactory printBrokerConnectionFactory,
				PrintingProperties properties) {
			SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(printBrokerConnectionFactory);
			container.setQueueNames(properties.remote().queue());
			int consumers = properties.remote().effectiveWorkerConcurrency();
			container.setConcurrentConsumers(consumers);
			container.setMaxConcurrentConsumers(consumers);
			// one partition at a time per consumer: the rest wait on the queue for
			// whichever worker is free
			container.setPrefetchCount(1);
			container.setAcknowledgeMode(AcknowledgeMode.AUTO);
			// a request that failed is not handed round again: its partition is
			// recorded as failed, or, if even that failed, sent again by the manager
			container.setDefaultRequeueRejected(false);
			return container;
		}

		@Bean
		IntegrationFlow printPartitionWorkerFlow(SimpleMessageListenerContainer printPartitionListener,
				PartitionWorker partitionWorker) {
			return IntegrationFlow.from(Amqp.inboundAdapter(printPartitionListener))
				.handle(partitionWorker, "handle")
				.get();
		}

	}

}
