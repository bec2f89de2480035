# Stook's image: `docker build -t stook:0.1.0 --build-arg STOOK_COMMIT=$(git rev-parse --short=12 HEAD) .` from the
# repository root (the build context has no .git, so without the argument `stook version` says commit unknown).
# Stage 1 builds the shaded jar with Maven; stage 2 runs it on a JRE as an unprivileged user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY scheduler-core/pom.xml scheduler-core/
COPY scheduler-k8s/pom.xml scheduler-k8s/
COPY benchmarks/pom.xml benchmarks/
COPY scheduler-core/src scheduler-core/src
COPY scheduler-k8s/src scheduler-k8s/src
COPY config config
ARG STOOK_COMMIT=unknown
RUN mvn -B -ntp -q -pl scheduler-k8s -am -DskipTests -Dstook.commit=${STOOK_COMMIT} package

FROM eclipse-temurin:17-jre
COPY --from=build /src/scheduler-k8s/target/stook.jar /opt/stook/stook.jar
# Class data sharing: the classes `stook run` loads before its first binding, parsed and verified once here
# instead of on every start (see benchmarks/RESULTS.md, start-up). The list comes from a real run; to renew it,
# run `java -XX:DumpLoadedClassList=deploy/stook.classlist -jar stook.jar run ...` until it has bound a pod.
# Classes the list names but the jar lacks are skipped; the JVM starts without the archive if it does not match.
COPY deploy/stook.classlist /opt/stook/stook.classlist
RUN java -Xshare:dump -XX:SharedClassListFile=/opt/stook/stook.classlist -XX:SharedArchiveFile=/opt/stook/stook.jsa \
        -cp /opt/stook/stook.jar
# 65532: the conventional "nonroot" id; the Deployment also sets runAsNonRoot and a read-only root filesystem.
USER 65532:65532
EXPOSE 10259
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/stook/stook.jsa", "-jar", "/opt/stook/stook.jar"]
CMD ["run"]
