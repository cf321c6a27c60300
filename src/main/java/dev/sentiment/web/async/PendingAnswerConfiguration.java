package dev.sentiment.web.async;

import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.json.JsonMapper;

/** Lets controllers return a {@link PendingAnswer}. */
@Configuration(proxyBeanMethods = false)
class PendingAnswerConfiguration {

  static {
    // The API document shows what a pending answer completes with, as it does for a future.
    SpringDocUtils.getConfig().addResponseWrapperToIgnore(PendingAnswer.class);
  }

  /**
   * Puts the handler first: Spring MVC's own handlers would otherwise claim the return value of any
   * {@code @RestController} method and write the record itself as the body.
   */
  @Bean
  static BeanPostProcessor pendingAnswerHandler(
      ObjectProvider<JsonMapper> json,
      @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolver) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter) {
          List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>();
          // The resolvers are looked up on first use: they are built by the same MVC
          // configuration as this adapter.
          handlers.add(
              new PendingAnswerHandler(
                  json.getObject(), SingletonSupplier.of(resolver::getObject)));
          handlers.addAll(adapter.getReturnValueHandlers());
          adapter.setReturnValueHandlers(handlers);
        }
        return bean;
      }
    };
  }
}
