package org.ceprint.printing.internal;

import org.ceprint.printing.internal.DocumentSource.Printable;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the step of one kind of document: a chunk step that reads the run's claims of
 * that kind, maps each to its view ({@link DocumentProcessor}) and writes each chunk as
 * one PDF file ({@link PrintFileWriter}); for documents printed by city, a partitioned
 * step around it with one partition per city. The reader, processor and writer are
 * step-scoped beans shared by every kind: the chunk step puts its kind into its execution
 * context before they are created, and they pick their document source by it.
 */
class DocumentSteps {

	/** The key of the document step in the chunk step's execution context. */
	static final String DOCUMENT_STEP = "documentStep";

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final PrintingProperties properties;

	private final Partitioner cityPartitioner;

	private final JdbcPagingItemReader<Long> reader;

	private final DocumentProcessor<Object> processor;

	private final PrintFileWriter<Object> writer;

	DocumentSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PrintingProperties properties, Partitioner cityPartitioner, JdbcPagingItemReader<Long> reader,
			DocumentProcessor<Object> processor, PrintFileWriter<Object> writer) {
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
		return documentStep.byCity() ? byCity(documentStep.stepName(), chunkStep) : chunkStep;
	}

	private Step byCity(String name, Step worker) {
		int threads = this.properties.effectiveThreads();
		TaskExecutor executor;
		if (threads > 1) {
			SimpleAsyncTaskExecutor async = new SimpleAsyncTaskExecutor("print-");
			async.setConcurrencyLimit(threads);
			executor = async;
		}
		else {
			executor = new SyncTaskExecutor();
		}
		return new StepBuilder(name, this.jobRepository).partitioner(worker.getName(), this.cityPartitioner)
			.step(worker)
			.gridSize(threads)
			.taskExecutor(executor)
			.build();
	}

}
