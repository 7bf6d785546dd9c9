package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.github.pydanticdynamo.AsyncDynamoRepository;
import io.github.pydanticdynamo.DynamoEntity;
import io.github.pydanticdynamo.DynamoRepository;
import java.beans.Introspector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** Scans for {@link DynamoEntity @DynamoEntity} types and registers their repository beans. */
final class DynamoRepositoriesRegistrar implements ImportBeanDefinitionRegistrar {
  static final String CATALOG_BEAN = "pydanticDynamoEntityCatalog";

  private final BeanFactory beanFactory;
  private final Environment environment;
  private final ResourceLoader resourceLoader;

  DynamoRepositoriesRegistrar(
      BeanFactory beanFactory, Environment environment, ResourceLoader resourceLoader) {
    this.beanFactory = beanFactory;
    this.environment = environment;
    this.resourceLoader = resourceLoader;
  }

  @Override
  public void registerBeanDefinitions(
      AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
    List<Class<?>> entities = scan(packagesToScan(registry));
    // before any bean is registered: Spring's own clash report would advise bean overriding
    DynamoEntityCatalog.checkSimpleNames(entities);
    RootBeanDefinition catalog = new RootBeanDefinition(DynamoEntityCatalog.class);
    catalog.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
    catalog.setInstanceSupplier(
        () ->
            new DynamoEntityCatalog(
                entities,
                beanFactory.getBean(PydanticDynamoProperties.class),
                EntitySettingNames.of(environment)));
    registry.registerBeanDefinition(CATALOG_BEAN, catalog);
    for (Class<?> entity : entities) {
      register(
          registry,
          entity,
          DynamoRepository.class,
          "DynamoRepository",
          () -> factory().sync(entity));
      register(
          registry,
          entity,
          AsyncDynamoRepository.class,
          "AsyncDynamoRepository",
          () -> factory().async(entity));
    }
  }

  private void register(
      BeanDefinitionRegistry registry,
      Class<?> entity,
      Class<?> repositoryType,
      String suffix,
      Supplier<?> supplier) {
    ResolvableType type = ResolvableType.forClassWithGenerics(repositoryType, entity);
    if (registry instanceof ListableBeanFactory listable
        && listable.getBeanNamesForType(type, true, false).length > 0) {
      return; // the application's own bean of this generic type wins
    }
    RootBeanDefinition definition = new RootBeanDefinition(repositoryType);
    definition.setTargetType(type);
    definition.setInstanceSupplier(supplier);
    registry.registerBeanDefinition(
        Introspector.decapitalize(entity.getSimpleName()) + suffix, definition);
  }

  private DynamoRepositoryFactory factory() {
    return beanFactory.getBean(DynamoRepositoryFactory.class);
  }

  private List<String> packagesToScan(BeanDefinitionRegistry registry) {
    List<String> scanned = DynamoEntityScanPackages.get(registry);
    if (scanned != null) {
      return scanned;
    }
    return AutoConfigurationPackages.has(beanFactory)
        ? AutoConfigurationPackages.get(beanFactory)
        : List.of();
  }

  private List<Class<?>> scan(List<String> packages) {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false, environment);
    scanner.setResourceLoader(resourceLoader);
    scanner.addIncludeFilter(new AnnotationTypeFilter(DynamoEntity.class));
    Set<Class<?>> found = new LinkedHashSet<>();
    ClassLoader classLoader = resourceLoader.getClassLoader();
    for (String basePackage : packages) {
      if (basePackage.isBlank()) {
        continue;
      }
      for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
        String className = candidate.getBeanClassName();
        if (className != null) {
          found.add(ClassUtils.resolveClassName(className, classLoader));
        }
      }
    }
    List<Class<?>> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparing(Class::getName));
    return sorted;
  }
}
