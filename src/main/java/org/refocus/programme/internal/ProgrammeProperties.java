package org.refocus.programme.internal;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the programme module ({@code refocus.programme.*}). What the REFOCUS manual and trial do
 * not confirm is a setting here, with a stated default, rather than a constant in the code.
 */
@ConfigurationProperties("refocus.programme")
public class ProgrammeProperties {

    private final Participation participation = new Participation();
    private final Model model = new Model();
    private final Resources resources = new Resources();

    public Participation getParticipation() {
        return participation;
    }

    public Model getModel() {
        return model;
    }

    public Resources getResources() {
        return resources;
    }

    public static class Participation {
        /** Weight of each figure in the index (default 1 each; 0 leaves a figure out). */
        private Map<Figure, Double> weights = defaultWeights();
        /** An index at or above this is high participation. */
        private double highThreshold = 0.5;
        /** How recent a goal-striving conversation must be to count, in months. */
        private int goalStrivingMonths = 3;
        /** Delivered coaching-skills training sessions a staff member must attend to count as trained. */
        private int trainedAfterSessions = 1;

        private static Map<Figure, Double> defaultWeights() {
            Map<Figure, Double> weights = new EnumMap<>(Figure.class);
            for (Figure f : Figure.values()) {
                weights.put(f, 1.0);
            }
            return weights;
        }

        public Map<Figure, Double> getWeights() {
            return weights;
        }

        public void setWeights(Map<Figure, Double> weights) {
            Map<Figure, Double> merged = defaultWeights();
            merged.putAll(weights);
            this.weights = merged;
        }

        public double getHighThreshold() {
            return highThreshold;
        }

        public void setHighThreshold(double highThreshold) {
            this.highThreshold = highThreshold;
        }

        public int getGoalStrivingMonths() {
            return goalStrivingMonths;
        }

        public void setGoalStrivingMonths(int goalStrivingMonths) {
            this.goalStrivingMonths = goalStrivingMonths;
        }

        public int getTrainedAfterSessions() {
            return trainedAfterSessions;
        }

        public void setTrainedAfterSessions(int trainedAfterSessions) {
            this.trainedAfterSessions = trainedAfterSessions;
        }

        ParticipationSettings settings() {
            return new ParticipationSettings(weights, highThreshold, goalStrivingMonths, trainedAfterSessions);
        }
    }

    /** Which scores stand for staff support and recovery in the REFOCUS model view. */
    public static class Model {
        private String staffSupportInstrument = "inspire";
        private String staffSupportScore = "support";
        private String recoveryInstrument = "qpr-15";
        private String recoveryScore = "total";
        /** Upper ends of the two scores' ranges, for the charts' scales (INSPIRE 0-100, QPR-15 0-60). */
        private double staffSupportMax = 100;
        private double recoveryMax = 60;

        public double getStaffSupportMax() {
            return staffSupportMax;
        }

        public void setStaffSupportMax(double v) {
            this.staffSupportMax = v;
        }

        public double getRecoveryMax() {
            return recoveryMax;
        }

        public void setRecoveryMax(double v) {
            this.recoveryMax = v;
        }

        public String getStaffSupportInstrument() {
            return staffSupportInstrument;
        }

        public void setStaffSupportInstrument(String v) {
            this.staffSupportInstrument = v;
        }

        public String getStaffSupportScore() {
            return staffSupportScore;
        }

        public void setStaffSupportScore(String v) {
            this.staffSupportScore = v;
        }

        public String getRecoveryInstrument() {
            return recoveryInstrument;
        }

        public void setRecoveryInstrument(String v) {
            this.recoveryInstrument = v;
        }

        public String getRecoveryScore() {
            return recoveryScore;
        }

        public void setRecoveryScore(String v) {
            this.recoveryScore = v;
        }
    }

    public static class Resources {
        /** Largest file the library accepts. Keep spring.servlet.multipart limits above it. */
        private DataSize maxUploadSize = DataSize.ofMegabytes(5);

        public DataSize getMaxUploadSize() {
            return maxUploadSize;
        }

        public void setMaxUploadSize(DataSize maxUploadSize) {
            this.maxUploadSize = maxUploadSize;
        }
    }
}
