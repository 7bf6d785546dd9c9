/**
 * A Spring Boot web application that shows what pydantic-dynamo is for: film actors and their
 * reviews, two record types stored in one DynamoDB table through injected {@code
 * DynamoRepository<…>} beans. {@link io.github.pydanticdynamo.sample.SampleApplication} starts it;
 * {@code films} holds the domain and its services, {@code web} the REST API and its problem
 * details.
 */
@NullMarked
package io.github.pydanticdynamo.sample;

import org.jspecify.annotations.NullMarked;
