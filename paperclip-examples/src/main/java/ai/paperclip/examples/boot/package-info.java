/** The Spring Boot sample: a REST service over Paperclip's issues, on {@code paperclip-spring-boot-starter}. */
package ai.paperclip.examples.boot;
