package io.github.pydanticdynamo.spring.boot.autoconfigure;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Reports the starter's start-up failures, and a DynamoDB client without a region. */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class PydanticDynamoFailureAnalyzer implements FailureAnalyzer {

  @Override
  public @Nullable FailureAnalysis analyze(Throwable failure) {
    BeanCreationException innermostBean = null;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof PydanticDynamoConfigurationException configuration) {
        return new FailureAnalysis(
            String.valueOf(configuration.getMessage()), configuration.action(), configuration);
      }
      if (cause instanceof BeanCreationException bean) {
        innermostBean = bean;
      }
      if (cause instanceof SdkClientException sdk
          && sdk.getMessage() != null
          && sdk.getMessage().startsWith("Unable to load region")
          && innermostBean != null
          && innermostBean.getBeanName() != null
          && innermostBean.getBeanName().toLowerCase(Locale.ROOT).contains("dynamodb")) {
        return new FailureAnalysis(
            "No AWS region is configured for the DynamoDB client bean '"
                + innermostBean.getBeanName()
                + "' that the pydantic-dynamo repositories use: "
                + sdk.getMessage().replaceAll("\\s+", " "),
            "Set spring.cloud.aws.dynamodb.region or spring.cloud.aws.region.static to the"
                + " tables' region (such as eu-west-1), or the AWS_REGION environment variable.",
            sdk);
      }
    }
    return null;
  }
}
