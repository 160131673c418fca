package org.ceprint.printing;

import java.time.Clock;

import javax.sql.DataSource;

import org.ceprint.rendering.CertificateView;
import org.ceprint.rendering.RegisterCardView;
import org.ceprint.rendering.RenderingProperties;
import org.ceprint.rendering.SummaryTableView;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The print jobs. Each document kind has a chunk step whose reader pages through the
 * selected keys and whose writer turns each chunk into one PDF file; every job ends with
 * {@code finishRunStep}, which completes the run's folder.
 */
@Configuration(proxyBeanMethods = false)
class PrintJobsConfiguration {

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
	Job fullPrintJob(JobRepository jobRepository, Step certificatesStep, Step registerCardsStep, Step summaryTablesStep,
			Step finishRunStep) {
		return new JobBuilder("fullPrintJob", jobRepository).start(certificatesStep)
			.next(registerCardsStep)
			.next(summaryTablesStep)
			.next(finishRunStep)
			.build();
	}

	@Bean
	Step certificatesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PrintingProperties properties, JdbcPagingItemReader<Long> certificatesReader,
			PrintFileWriter<CertificateView> certificatesWriter) {
		return chunkStep("certificatesStep", jobRepository, transactionManager, properties, certificatesReader,
				certificatesWriter);
	}

	@Bean
	Step registerCardsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PrintingProperties properties, JdbcPagingItemReader<Long> registerCardsReader,
			PrintFileWriter<RegisterCardView> registerCardsWriter) {
		return chunkStep("registerCardsStep", jobRepository, transactionManager, properties, registerCardsReader,
				registerCardsWriter);
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
			Clock clock) {
		return new StepBuilder("finishRunStep", jobRepository)
			.tasklet(new RunFolderFinisher(store, clock), transactionManager)
			.build();
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<Long> certificatesReader(DataSource dataSource, PrintRunStore store,
			PrintingProperties properties, @Value("#{jobParameters['runId']}") Long runId) throws Exception {
		return PrintSelections.certificates(dataSource, store.find(runId), properties.documentsPerFile());
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<Long> registerCardsReader(DataSource dataSource, PrintRunStore store,
			PrintingProperties properties, @Value("#{jobParameters['runId']}") Long runId) throws Exception {
		return PrintSelections.registerCards(dataSource, store.find(runId), properties.documentsPerFile());
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<Long> summaryTablesReader(DataSource dataSource, PrintRunStore store,
			PrintingProperties properties, @Value("#{jobParameters['runId']}") Long runId) throws Exception {
		return PrintSelections.summaryTables(dataSource, store.find(runId), properties.documentsPerFile());
	}

	@Bean
	@StepScope
	PrintFileWriter<CertificateView> certificatesWriter(CertificateSource source, PrintRunStore store, Clock clock,
			RenderingProperties rendering, @Value("#{jobParameters['runId']}") Long runId) {
		return new PrintFileWriter<>(source, store, store.find(runId), clock, rendering);
	}

	@Bean
	@StepScope
	PrintFileWriter<RegisterCardView> registerCardsWriter(RegisterCardSource source, PrintRunStore store, Clock clock,
			RenderingProperties rendering, @Value("#{jobParameters['runId']}") Long runId) {
		return new PrintFileWriter<>(source, store, store.find(runId), clock, rendering);
	}

	@Bean
	@StepScope
	PrintFileWriter<SummaryTableView> summaryTablesWriter(SummaryTableSource source, PrintRunStore store, Clock clock,
			RenderingProperties rendering, @Value("#{jobParameters['runId']}") Long runId) {
		return new PrintFileWriter<>(source, store, store.find(runId), clock, rendering);
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
