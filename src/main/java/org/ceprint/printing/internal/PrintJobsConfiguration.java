package org.ceprint.printing.internal;

import java.time.Clock;
import java.util.List;

import org.ceprint.authenticity.AuthenticityCodes;
import org.ceprint.printing.PrintJob;
import org.ceprint.printing.internal.PrintClaims.UnitRange;
import org.ceprint.rendering.DistributionSlipRenderer;
import org.ceprint.rendering.RenderingProperties;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The print jobs: one per {@link PrintJob}, each the steps of its documents
 * ({@link DocumentSteps}), then {@code preflightStep}, which checks the files they wrote
 * ({@link RunPreflight}), and then {@code finishRunStep}, which writes the distribution
 * slips, the manifest and the marker. Certificates, register cards and seal overlays are
 * partitioned by city (issuing channel): each city's documents are paged in unit order
 * and written into that city's own files, and {@code ceprint.printing.threads} cities
 * print at once.
 */
@Configuration(proxyBeanMethods = false)
class PrintJobsConfiguration {

	static final String CITY = CityPartitioner.CITY;

	@Bean
	Job certificatePrintJob(JobRepository jobRepository, Step certificatesStep, Step preflightStep,
			Step finishRunStep) {
		return job(PrintJob.CERTIFICATES, jobRepository, certificatesStep).next(preflightStep)
			.next(finishRunStep)
			.build();
	}

	@Bean
	Job registerCardPrintJob(JobRepository jobRepository, Step registerCardsStep, Step preflightStep,
			Step finishRunStep) {
		return job(PrintJob.REGISTER_CARDS, jobRepository, registerCardsStep).next(preflightStep)
			.next(finishRunStep)
			.build();
	}

	@Bean
	Job summaryTablePrintJob(JobRepository jobRepository, Step summaryTablesStep, Step preflightStep,
			Step finishRunStep) {
		return job(PrintJob.SUMMARY_TABLES, jobRepository, summaryTablesStep).next(preflightStep)
			.next(finishRunStep)
			.build();
	}

	@Bean
	Job sealOverlayPrintJob(JobRepository jobRepository, Step sealOverlaysStep, Step preflightStep,
			Step finishRunStep) {
		return job(PrintJob.SEAL_OVERLAYS, jobRepository, sealOverlaysStep).next(preflightStep)
			.next(finishRunStep)
			.build();
	}

	@Bean
	Job returnSlipPrintJob(JobRepository jobRepository, Step returnSlipsStep, Step preflightStep, Step finishRunStep) {
		return job(PrintJob.RETURN_SLIPS, jobRepository, returnSlipsStep).next(preflightStep)
			.next(finishRunStep)
			.build();
	}

	@Bean
	Job fullPrintJob(JobRepository jobRepository, Step certificatesStep, Step registerCardsStep, Step summaryTablesStep,
			Step preflightStep, Step finishRunStep) {
		return job(PrintJob.ALL, jobRepository, certificatesStep).next(registerCardsStep)
			.next(summaryTablesStep)
			.next(preflightStep)
			.next(finishRunStep)
			.build();
	}

	private static SimpleJobBuilder job(PrintJob printJob, JobRepository jobRepository, Step first) {
		return new JobBuilder(printJob.jobName(), jobRepository).start(first);
	}

	@Bean
	PrintJobs printJobs(List<Job> jobs) {
		return new PrintJobs(jobs);
	}

	@Bean
	Step certificatesStep(DocumentSteps steps) {
		return steps.build(DocumentStep.CERTIFICATES);
	}

	@Bean
	Step registerCardsStep(DocumentSteps steps) {
		return steps.build(DocumentStep.REGISTER_CARDS);
	}

	@Bean
	Step sealOverlaysStep(DocumentSteps steps) {
		return steps.build(DocumentStep.SEAL_OVERLAYS);
	}

	@Bean
	Step summaryTablesStep(DocumentSteps steps) {
		return steps.build(DocumentStep.SUMMARY_TABLES);
	}

	@Bean
	Step returnSlipsStep(DocumentSteps steps) {
		return steps.build(DocumentStep.RETURN_SLIPS);
	}

	@Bean
	Step finishRunStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunFolderFinisher runFolderFinisher) {
		return new StepBuilder("finishRunStep", jobRepository).tasklet(runFolderFinisher, transactionManager).build();
	}

	/** The finishing of a run, for its job's last step and for runs printed directly. */
	@Bean
	RunFolderFinisher runFolderFinisher(PrintRunStore store, PrintedDocuments documents, PrintClaims claims,
			DistributionSlipRenderer slips, Clock clock,
			@Value("${ceprint.printing.fault.halt-during-finish:false}") boolean haltDuringFinish) {
		return new RunFolderFinisher(store, documents, claims, new DistributionSlips(documents, slips), clock,
				haltDuringFinish);
	}

	/** The preflight of a run, for its job's step and for runs printed directly. */
	@Bean
	RunPreflight runPreflight(PrintRunStore store, PrintedDocuments documents, AuthenticityCodes codes,
			PrintingProperties properties) {
		return new RunPreflight(store, documents, codes, properties);
	}

	/**
	 * A step of its own rather than a part of {@code finishRunStep}: the job repository
	 * records that the preflight failed and the failure message names it, the finishing
	 * step stays what it was (slips, manifest, marker), and its faults are not mistaken
	 * for the preflight's. It runs again on every resumption, also after it passed (the
	 * finishing step interrupted, say): the files may have changed since.
	 */
	@Bean
	Step preflightStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunPreflight runPreflight) {
		return new StepBuilder("preflightStep", jobRepository).tasklet(runPreflight, transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	DocumentSteps documentSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PrintingProperties properties, Partitioner cityPartitioner, JdbcPagingItemReader<Long> claimsReader,
			DocumentProcessor<Object> documentProcessor, PrintFileWriter<Object> documentWriter,
			ObjectProvider<RemotePartitions> remotePartitions) {
		return new DocumentSteps(jobRepository, transactionManager, properties, cityPartitioner, claimsReader,
				documentProcessor, documentWriter, remotePartitions);
	}

	/** The partitions of a by-city step ({@link CityPartitioner}). */
	@Bean
	@StepScope
	Partitioner cityPartitioner(PrintClaims claims, @Value("#{jobParameters['runId']}") Long runId) {
		return new CityPartitioner(claims.unitSizes(runId));
	}

	/** The run's claims of the step's kind, in the step's city or in the whole run. */
	@Bean
	@StepScope
	JdbcPagingItemReader<Long> claimsReader(PrintClaims claims, PrintRunStore store, PrintingProperties properties,
			@Value("#{jobParameters['runId']}") Long runId,
			@Value("#{stepExecutionContext['" + DocumentSteps.DOCUMENT_STEP + "']}") DocumentStep step,
			@Value("#{stepExecutionContext['" + CITY + "']}") String city,
			@Value("#{stepExecutionContext['" + CityPartitioner.UNIT_FROM + "']}") Long unitFrom,
			@Value("#{stepExecutionContext['" + CityPartitioner.UNIT_TO + "']}") Long unitTo) throws Exception {
		return claims.reader(runId, PrintSelections.claimKind(step, store.find(runId)),
				step.byCity() ? city : PrintSelections.WHOLE_RUN,
				(step.byCity() && unitFrom != null) ? new UnitRange(unitFrom, unitTo) : null,
				properties.documentsPerFile());
	}

	@Bean
	@StepScope
	DocumentProcessor<Object> documentProcessor(List<DocumentSource<?>> sources, PrintRunStore store,
			@Value("#{jobParameters['runId']}") Long runId,
			@Value("#{stepExecutionContext['" + DocumentSteps.DOCUMENT_STEP + "']}") DocumentStep step) {
		return new DocumentProcessor<>(source(sources, step), store.find(runId));
	}

	@Bean
	@StepScope
	PrintFileWriter<Object> documentWriter(List<DocumentSource<?>> sources, PrintRunStore store,
			PrintedDocuments documents, Clock clock, RenderingProperties rendering,
			@Value("#{jobParameters['runId']}") Long runId,
			@Value("#{stepExecutionContext['" + DocumentSteps.DOCUMENT_STEP + "']}") DocumentStep step,
			@Value("#{stepExecutionContext['" + CITY + "']}") String city,
			@Value("#{stepExecutionContext['" + CityPartitioner.PART + "']}") String part,
			@Value("#{stepExecutionContext['" + PartitionWorker.LEASE + "']}") String lease,
			@Value("#{stepExecution.id}") Long stepExecutionId, PartitionLeases leases,
			@Value("${ceprint.printing.fault.hang-worker-after-files:0}") int hangAfterFiles,
			@Value("${ceprint.printing.fault.swap-qr-codes:false}") boolean swapQrCodes) {
		String partition = !step.byCity() ? null : (part != null) ? city + "-" + part : city;
		// a worker of a remote run checks in each chunk that the partition is still its
		// own; a run in one process holds its partitions alone
		Runnable fence = (lease != null) ? () -> {
			PartitionWorker.hangIfAsked(hangAfterFiles, () -> leases.holds(stepExecutionId, lease));
			leases.hold(stepExecutionId, lease);
		} : () -> {
		};
		return new PrintFileWriter<>(source(sources, step), documents, store.find(runId), partition, clock, rendering,
				fence, swapQrCodes);
	}

	/**
	 * The source of a step's documents. One step prints one kind, so the views it passes
	 * from processor to writer are that source's.
	 */
	@SuppressWarnings("unchecked")
	private static DocumentSource<Object> source(List<DocumentSource<?>> sources, DocumentStep step) {
		return (DocumentSource<Object>) sources.stream()
			.filter((source) -> source.step() == step)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no document source for " + step));
	}

}
