package org.ceprint.printing.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ceprint.printing.internal.DocumentSource.Printable;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the step of one kind of document: a chunk step that reads the run's claims of
 * that kind, maps each to its view ({@link DocumentProcessor}) and writes each chunk as
 * one PDF file ({@link PrintFileWriter}); for documents printed by city, a partitioned
 * step around it with one partition per city. The reader, processor and writer are
 * step-scoped beans shared by every kind: the chunk step puts its kind into its execution
 * context before they are created, and they pick their document source by it. The chunk
 * steps are also the steps a worker of a remote run looks up by name
 * ({@link StepLocator}).
 */
class DocumentSteps implements StepLocator {

	/** The key of the document step in the chunk step's execution context. */
	static final String DOCUMENT_STEP = "documentStep";

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final PrintingProperties properties;

	private final Partitioner cityPartitioner;

	private final JdbcPagingItemReader<Long> reader;

	private final DocumentProcessor<Object> processor;

	private final PrintFileWriter<Object> writer;

	private final ObjectProvider<RemotePartitions> remotePartitions;

	private final Map<String, Step> chunkSteps = new ConcurrentHashMap<>();

	DocumentSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PrintingProperties properties, Partitioner cityPartitioner, JdbcPagingItemReader<Long> reader,
			DocumentProcessor<Object> processor, PrintFileWriter<Object> writer,
			ObjectProvider<RemotePartitions> remotePartitions) {
		this.remotePartitions = remotePartitions;
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.properties = properties;
		this.cityPartitioner = cityPartitioner;
		this.reader = reader;
		this.processor = processor;
		this.writer = writer;
	}

	Step build(DocumentStep documentStep) {
		Step chunkStep = new StepBuilder(documentStep.chunkStepName(), this.jobRepository)
			.<Long, Printable<Object>>chunk(this.properties.documentsPerFile())
			.transactionManager(this.transactionManager)
			.reader(this.reader)
			.processor(this.processor)
			.writer(this.writer)
			.stream(this.writer)
			.listener(new StepExecutionListener() {
				@Override
				public void beforeStep(StepExecution stepExecution) {
					stepExecution.getExecutionContext().putString(DOCUMENT_STEP, documentStep.name());
				}
			})
			.build();
		this.chunkSteps.put(chunkStep.getName(), chunkStep);
		return documentStep.byCity() ? byCity(documentStep.stepName(), chunkStep) : chunkStep;
	}

	/**
	 * The chunk step of a by-city kind, which a worker of a remote run executes for a
	 * partition the manager sent (by the step's name in the request), or null.
	 */
	@Override
	public Step getStep(String stepName) {
		return this.chunkSteps.get(stepName);
	}

	/**
	 * The partitioned step: its partitions are printed by this process's threads, or,
	 * when the process is the manager of remote runs, sent to the workers.
	 */
	private Step byCity(String name, Step worker) {
		PartitionHandler handler;
		RemotePartitions remote = this.remotePartitions.getIfAvailable();
		if (remote != null) {
			handler = remote.handler(worker.getName());
		}
		else {
			int threads = this.properties.effectiveThreads();
			TaskExecutorPartitionHandler local = new TaskExecutorPartitionHandler();
			if (threads > 1) {
				SimpleAsyncTaskExecutor async = new SimpleAsyncTaskExecutor("print-");
				async.setConcurrencyLimit(threads);
				local.setTaskExecutor(async);
			}
			else {
				local.setTaskExecutor(new SyncTaskExecutor());
			}
			local.setStep(worker);
			// the partition size (CityPartitioner): one partition per city
			local.setGridSize(0);
			handler = local;
		}
		return new StepBuilder(name, this.jobRepository).partitioner(worker.getName(), this.cityPartitioner)
			.partitionHandler(handler)
			.build();
	}

}
