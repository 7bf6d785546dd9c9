package io.github.pydanticdynamo.spring.boot.autoconfigure;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/** The packages named by {@link DynamoEntityScan}, kept in one bean definition of the context. */
final class DynamoEntityScanPackages {
  static final String BEAN = DynamoEntityScanPackages.class.getName();

  private final List<String> packageNames;

  private DynamoEntityScanPackages(Set<String> packageNames) {
    this.packageNames = List.copyOf(packageNames);
  }

  /** The packages, in the order the annotations named them. */
  List<String> packageNames() {
    return packageNames;
  }

  /** The packages registered so far, or {@code null} when no {@code @DynamoEntityScan} is used. */
  static @Nullable List<String> get(BeanDefinitionRegistry registry) {
    if (registry.containsBeanDefinition(BEAN)
        && registry.getBeanDefinition(BEAN) instanceof PackagesBeanDefinition packages) {
      return List.copyOf(packages.packageNames);
    }
    return null;
  }

  static void register(BeanDefinitionRegistry registry, Set<String> packageNames) {
    if (registry.containsBeanDefinition(BEAN)
        && registry.getBeanDefinition(BEAN) instanceof PackagesBeanDefinition packages) {
      packages.packageNames.addAll(packageNames);
    } else {
      registry.registerBeanDefinition(BEAN, new PackagesBeanDefinition(packageNames));
    }
  }

  /** Adds the packages of one {@code @DynamoEntityScan}. */
  static final class Registrar implements ImportBeanDefinitionRegistrar {
    @Override
    public void registerBeanDefinitions(
        AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
      register(registry, packageNames(metadata));
    }

    private static Set<String> packageNames(AnnotationMetadata metadata) {
      AnnotationAttributes attributes =
          AnnotationAttributes.fromMap(
              metadata.getAnnotationAttributes(DynamoEntityScan.class.getName()));
      Set<String> names = new LinkedHashSet<>();
      if (attributes != null) {
        names.addAll(Arrays.asList(attributes.getStringArray("basePackages")));
        for (Class<?> type : attributes.getClassArray("basePackageClasses")) {
          names.add(ClassUtils.getPackageName(type));
        }
      }
      if (names.isEmpty()) {
        names.add(ClassUtils.getPackageName(metadata.getClassName()));
      }
      return names;
    }
  }

  private static final class PackagesBeanDefinition extends RootBeanDefinition {
    private final Set<String> packageNames = new LinkedHashSet<>();

    PackagesBeanDefinition(Set<String> packageNames) {
      setBeanClass(DynamoEntityScanPackages.class);
      setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
      this.packageNames.addAll(packageNames);
      setInstanceSupplier(() -> new DynamoEntityScanPackages(this.packageNames));
    }
  }
}
