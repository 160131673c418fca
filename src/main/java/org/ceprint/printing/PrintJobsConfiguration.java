package org.ceprint.printing;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ceprint.rendering.CertificateView;
import org.ceprint.rendering.DistributionSlipRenderer;
import org.ceprint.rendering.RegisterCardView;
import org.ceprint.rendering.RenderingProperties;
import org.ceprint.rendering.ReturnSlipView;
import org.ceprint.rendering.SummaryTableView;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The print jobs. Certificates, register cards and seal overlays are partitioned by city
 * (issuing channel): each city's documents are paged in unit order and written into that
 * city's own files by a worker step, and {@code ceprint.printing.threads} cities print at
 * once. Summary tables, a few hundred a year, print in one step. Every job ends with
 * {@code finishRunStep}, which writes the distribution slips, the manifest and the
 * marker.
 */
@Configuration(proxyBeanMethods = false)
class PrintJobsConfiguration {

	static final String CITY = "city";

	@Bean
	Job certificatePrintJob(JobRepository jobRepository, Step certificatesStep, Step finishRunStep) {
		return new JobBuilder("certificatePrintJob", jobRepository).start(certificatesStep).next(finishRunStep).build();
	}

	@Bean
	Job registerCardPrintJob(JobRepository jobRepository, Step registerCardsStep, Step finishRunStep) {
		return new JobBuilder("registerCardPrintJob", jobRepository).start(registerCardsStep)
			.next(finishRunStep)
			.build();
	}

	@Bean
	Job summaryTablePrintJob(JobRepository jobRepository, Step summaryTablesStep, Step finishRunStep) {
		return new JobBuilder("summaryTablePrintJob", jobRepository).start(summaryTablesStep)
			.next(finishRunStep)
			.build();
	}

	@Bean
	Job returnSlipPrintJob(JobRepository jobRepository, Step returnSlipsStep, Step finishRunStep) {
		return new JobBuilder("returnSlipPrintJob", jobRepository).start(returnSlipsStep).next(finishRunStep).build();
	}

	@Bean
	Step returnSlipsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PrintingProperties properties, JdbcPagingItemReader<Long> returnSlipsReader,
			PrintFileWriter<ReturnSlipView> returnSlipsWriter) {
		return chunkStep("returnSlipsStep", jobRepository, transactionManager, properties, returnSlipsReader,
				returnSlipsWriter);
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<Long> returnSlipsReader(PrintClaims claims, PrintRunStore store, PrintingProperties properties,
			@Value("#{jobParameters['runId']}") Long runId) throws Exception {
		// a submission's run: the one key is the submission
		return claims.reader(runId, PrintSelections.returnSlips(store.find(runId)).claimKind(),
				PrintSelections.WHOLE_RUN, properties.documentsPerFile());
	}

	@Bean
	@StepScope
	PrintFileWriter<ReturnSlipView> returnSlipsWriter(ReturnSlipSource source, PrintRunStore store, Clock clock,
			RenderingProperties rendering, @Value("#{jobParameters['runId']}") Long runId) {
		return new PrintFileWriter<>(source, store, store.find(runId), null, clock, rendering);
	}

	@Bean
	Job sealOverlayPrintJob(JobRepository jobRepository, Step sealOverlaysStep, Step finishRunStep) {
		return new JobBuilder("sealOverlayPrintJob", jobRepository).start(sealOverlaysStep).next(finishRunStep).build();
	}

	@Bean
	Job fullPrintJob(JobRepository jobRepository, Step certificatesStep, Step registerCardsStep, Step summaryTablesStep,
			Step finishRunStep) {
		return new JobBuilder("fullPrintJob", jobRepository).start(certificatesStep)
			.next(registerCardsStep)
			.next(summaryTablesStep)
			.next(finishRunStep)
			.build();
	}

	@Bean
	Step certificatesStep(JobRepository jobRepository, PrintingProperties properties, Partitioner cityPartitioner,
			Step certificatesCityStep) {
		return partitioned("certificatesStep", jobRepository, properties, cityPartitioner, certificatesCityStep);
	}

	@Bean
	Step registerCardsStep(JobRepository jobRepository, PrintingProperties properties, Partitioner cityPartitioner,
			Step registerCardsCityStep) {
		return partitioned("registerCardsStep", jobRepository, properties, cityPartitioner, registerCardsCityStep);
	}

	@Bean
	Step sealOverlaysStep(JobRepository jobRepository, PrintingProperties properties, Partitioner cityPartitioner,
			Step sealOverlaysCityStep) {
		return partitioned("sealOverlaysStep", jobRepository, properties, cityPartitioner, sealOverlaysCityStep);
	}

	@Bean
	Step certificatesCityStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PrintingProperties properties, JdbcPagingItemReader<Long> certificatesReader,
			PrintFileWriter<CertificateView> certificatesWriter) {
		return chunkStep("certificatesCityStep", jobRepository, transactionManager, properties, certificatesReader,
				certificatesWriter);
	}

	@Bean
	Step registerCardsCityStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PrintingProperties properties, JdbcPagingItemReader<Long> registerCardsReader,
			PrintFileWriter<RegisterCardView> registerCardsWriter) {
		return chunkStep("registerCardsCityStep", jobRepository, transactionManager, properties, registerCardsReader,
				registerCardsWriter);
	}

	@Bean
	Step sealOverlaysCityStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PrintingProperties properties, JdbcPagingItemReader<Long> sealOverlaysReader,
			PrintFileWriter<CertificateView> sealOverlaysWriter) {
		return chunkStep("sealOverlaysCityStep", jobRepository, transactionManager, properties, sealOverlaysReader,
				sealOverlaysWriter);
	}

	@Bean
	Step summaryTablesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PrintingProperties properties, JdbcPagingItemReader<Long> summaryTablesReader,
			PrintFileWriter<SummaryTableView> summaryTablesWriter) {
		return chunkStep("summaryTablesStep", jobRepository, transactionManager, properties, summaryTablesReader,
				summaryTablesWriter);
	}

	@Bean
	Step finishRunStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, PrintRunStore store,
			PrintClaims claims, DistributionSlipRenderer slips, Clock clock,
			@Value("${ceprint.printing.fault.halt-during-finish:false}") boolean haltDuringFinish) {
		return new StepBuilder("finishRunStep", jobRepository)
			.tasklet(new RunFolderFinisher(store, claims, new DistributionSlips(store, slips), clock, haltDuringFinish),
					transactionManager)
			.build();
	}

	/**
	 * One partition per city the run holds claims in, in code order; a partition with
	 * nothing of a step's kind to print ends at once. The claims do not change while the
	 * run lasts, so a restart finds the same partitions.
	 */
	@Bean
	@StepScope
	Partitioner cityPartitioner(PrintClaims claims, @Value("#{jobParameters['runId']}") Long runId) {
		return (gridSize) -> {
			List<String> cities = claims.partitions(runId);
			Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
			for (String city : cities) {
				ExecutionContext context = new ExecutionContext();
				context.putString(CITY, city);
				partitions.put(CITY + city, context);
			}
			return partitions;
		};
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<Long> certificatesReader(PrintClaims claims, PrintRunStore store,
			PrintingProperties properties, @Value("#{jobParameters['runId']}") Long runId,
			@Value("#{stepExecutionContext['city']}") String city) throws Exception {
		return claims.reader(runId, PrintSelections.certificates(store.find(runId)).claimKind(), city,
				properties.documentsPerFile());
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<Long> registerCardsReader(PrintClaims claims, PrintRunStore store,
			PrintingProperties properties, @Value("#{jobParameters['runId']}") Long runId,
			@Value("#{stepExecutionContext['city']}") String city) throws Exception {
		return claims.reader(runId, PrintSelections.registerCards(store.find(runId)).claimKind(), city,
				properties.documentsPerFile());
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<Long> sealOverlaysReader(PrintClaims claims, PrintRunStore store,
			PrintingProperties properties, @Value("#{jobParameters['runId']}") Long runId,
			@Value("#{stepExecutionContext['city']}") String city) throws Exception {
		return claims.reader(runId, PrintSelections.sealOverlays(store.find(runId)).claimKind(), city,
				properties.documentsPerFile());
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<Long> summaryTablesReader(PrintClaims claims, PrintRunStore store,
			PrintingProperties properties, @Value("#{jobParameters['runId']}") Long runId) throws Exception {
		return claims.reader(runId, PrintSelections.summaryTables(store.find(runId)).claimKind(),
				PrintSelections.WHOLE_RUN, properties.documentsPerFile());
	}

	@Bean
	@StepScope
	PrintFileWriter<CertificateView> certificatesWriter(CertificateSource source, PrintRunStore store, Clock clock,
			RenderingProperties rendering, @Value("#{jobParameters['runId']}") Long runId,
			@Value("#{stepExecutionContext['city']}") String city) {
		return new PrintFileWriter<>(source, store, store.find(runId), city, clock, rendering);
	}

	@Bean
	@StepScope
	PrintFileWriter<RegisterCardView> registerCardsWriter(RegisterCardSource source, PrintRunStore store, Clock clock,
			RenderingProperties rendering, @Value("#{jobParameters['runId']}") Long runId,
			@Value("#{stepExecutionContext['city']}") String city) {
		return new PrintFileWriter<>(source, store, store.find(runId), city, clock, rendering);
	}

	@Bean
	@StepScope
	PrintFileWriter<CertificateView> sealOverlaysWriter(SealOverlaySource source, PrintRunStore store, Clock clock,
			RenderingProperties rendering, @Value("#{jobParameters['runId']}") Long runId,
			@Value("#{stepExecutionContext['city']}") String city) {
		return new PrintFileWriter<>(source, store, store.find(runId), city, clock, rendering);
	}

	@Bean
	@StepScope
	PrintFileWriter<SummaryTableView> summaryTablesWriter(SummaryTableSource source, PrintRunStore store, Clock clock,
			RenderingProperties rendering, @Value("#{jobParameters['runId']}") Long runId) {
		return new PrintFileWriter<>(source, store, store.find(runId), null, clock, rendering);
	}

	private static Step partitioned(String name, JobRepository jobRepository, PrintingProperties properties,
			Partitioner partitioner, Step worker) {
		int threads = properties.effectiveThreads();
		TaskExecutor executor;
		if (threads > 1) {
			SimpleAsyncTaskExecutor async = new SimpleAsyncTaskExecutor("print-");
			async.setConcurrencyLimit(threads);
			executor = async;
		}
		else {
			executor = new SyncTaskExecutor();
		}
		return new StepBuilder(name, jobRepository).partitioner(worker.getName(), partitioner)
			.step(worker)
			.gridSize(threads)
			.taskExecutor(executor)
			.build();
	}

	private static Step chunkStep(String name, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, PrintingProperties properties,
			JdbcPagingItemReader<Long> reader, PrintFileWriter<?> writer) {
		return new StepBuilder(name, jobRepository).<Long, Long>chunk(properties.documentsPerFile())
			.transactionManager(transactionManager)
			.reader(reader)
			.writer(writer)
			.stream(writer)
			.build();
	}

}
